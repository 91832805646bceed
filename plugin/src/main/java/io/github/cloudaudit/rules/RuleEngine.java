package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Runs every rule over the inventory: plain rules first, then composite rules over their findings. */
public final class RuleEngine {

    /** Within a severity, evidence of compromise first, then the story: risks, exposure, coverage, their ingredients. */
    private static final List<Category> CATEGORY_ORDER = List.of(Category.THREAT, Category.RISK, Category.EXPOSURE, Category.COVERAGE,
            Category.LEGACY, Category.ORPHANED, Category.MONITORING);

    /** A distinct value with the number it was given when first seen; sorted by the value. */
    private record Numbered<T extends Comparable<T>>(T value, int number) implements Comparable<Numbered<T>> {

        @Override
        public int compareTo(Numbered<T> other) {
            return value.compareTo(other.value);
        }
    }

    /** What a finding is about, in the order findings about different things are listed. */
    private record Resource(String account, String id) implements Comparable<Resource> {

        Resource(Finding finding) {
            this(String.valueOf(finding.account()), String.valueOf(finding.resourceId()));
        }

        // Written out, as the record's own go through method handles: they are called for every finding.
        @Override
        public int hashCode() {
            return account.hashCode() * 31 + id.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Resource resource && account.equals(resource.account) && id.equals(resource.id);
        }

        @Override
        public int compareTo(Resource other) {
            // Servers share their account's one copy (see Server), so most comparisons end at the first test.
            int order = account == other.account ? 0 : account.compareTo(other.account);
            return order != 0 ? order : id.compareTo(other.id);
        }
    }

    private final List<Rule> rules;
    private final Map<String, Integer> categoryRank = new HashMap<>();

    public RuleEngine(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.metadata().id())).toList();
        rules.forEach(r -> categoryRank.put(r.metadata().id(), CATEGORY_ORDER.indexOf(r.metadata().category())));
    }

    /** All rules on the plugin's class path. */
    public static RuleEngine withBuiltInRules() {
        List<Rule> rules = new ArrayList<>();
        ServiceLoader.load(Rule.class, RuleEngine.class.getClassLoader()).forEach(rules::add);
        return new RuleEngine(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Rules are pure functions of a context nobody writes to while they run, so they run in parallel; the
     * findings keep the rules' order and are sorted, so the result does not depend on scheduling.
     */
    public List<Finding> run(AuditContext context) {
        List<Finding> plain = findingsOf(rules.stream().filter(r -> !r.composite()).toList(), context, List.of());
        List<Finding> composite = findingsOf(rules.stream().filter(Rule::composite).toList(), context, plain);
        List<Finding> all = new ArrayList<>(plain.size() + composite.size());
        all.addAll(plain);
        all.addAll(composite);
        // Each distinct rule id and resource is compared with the others once, to number them in order; a few
        // hundred thousand findings about a hundred thousand servers are then sorted by those numbers.
        int[] ruleOrder = ordinals(all, Finding::ruleId);
        int[] resourceOrder = ordinals(all, Resource::new);
        int ruleIds = Arrays.stream(ruleOrder).max().orElse(0) + 1;
        // Worst first, then by category, then by rule, as groups counted out in their order; within a group by
        // resource, and then as the rules gave them. No comparator runs: each group is sorted as numbers that hold
        // the resource's place above the finding's own, which is what keeps the sort stable.
        int[] groupOf = new int[all.size()];
        int[] groupStart = new int[Severity.values().length * (CATEGORY_ORDER.size() + 1) * ruleIds + 1];
        for (int i = 0; i < groupOf.length; i++) {
            Finding f = all.get(i);
            int rank = f.severity().ordinal() * (CATEGORY_ORDER.size() + 1)
                    + categoryRank.getOrDefault(f.ruleId(), CATEGORY_ORDER.size());
            groupOf[i] = rank * ruleIds + ruleOrder[i];
            groupStart[groupOf[i] + 1]++;
        }
        Arrays.parallelPrefix(groupStart, Integer::sum);
        int[] free = groupStart.clone();
        long[] keys = new long[groupOf.length];
        for (int i = 0; i < groupOf.length; i++) {
            keys[free[groupOf[i]]++] = (long) resourceOrder[i] << Integer.SIZE | i;
        }
        for (int group = 0; group + 1 < groupStart.length; group++) {
            Arrays.sort(keys, groupStart[group], groupStart[group + 1]);
        }
        Finding[] sorted = new Finding[keys.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = all.get((int) keys[i]);
        }
        return List.of(sorted);
    }

    /**
     * For each finding, the place of its value among the distinct values in their natural order. Each finding's value
     * is hashed once, to find or number it; only the distinct values are sorted.
     */
    private static <T extends Comparable<T>> int[] ordinals(List<Finding> findings, Function<Finding, T> valueOf) {
        Map<T, Integer> numbers = new HashMap<>();
        List<T> distinct = new ArrayList<>();
        int[] numberOf = new int[findings.size()];
        for (int i = 0; i < numberOf.length; i++) {
            numberOf[i] = numbers.computeIfAbsent(valueOf.apply(findings.get(i)), value -> {
                distinct.add(value);
                return distinct.size() - 1;
            });
        }
        List<Numbered<T>> inOrder = new ArrayList<>(distinct.size());
        for (int number = 0; number < distinct.size(); number++) {
            inOrder.add(new Numbered<>(distinct.get(number), number));
        }
        inOrder.sort(null);
        int[] placeOf = new int[inOrder.size()];
        for (int place = 0; place < placeOf.length; place++) {
            placeOf[inOrder.get(place).number()] = place;
        }
        int[] ordinals = new int[numberOf.length];
        for (int i = 0; i < ordinals.length; i++) {
            ordinals[i] = placeOf[numberOf[i]];
        }
        return ordinals;
    }

    private static List<Finding> findingsOf(List<Rule> selected, AuditContext context, List<Finding> earlier) {
        return selected.parallelStream().flatMap(rule -> rule.evaluate(context, earlier).stream()).toList();
    }
}
