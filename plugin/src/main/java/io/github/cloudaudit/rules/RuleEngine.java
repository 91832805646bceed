package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Runs every rule over the inventory: plain rules first, then composite rules over their findings. */
public final class RuleEngine {

    /** Within a severity, evidence of compromise first, then the story: risks, exposure, coverage, their ingredients. */
    private static final List<Category> CATEGORY_ORDER = List.of(Category.THREAT, Category.RISK, Category.EXPOSURE, Category.COVERAGE,
            Category.LEGACY, Category.ORPHANED, Category.MONITORING);

    /**
     * Findings about different things in the order the inventory lists servers ({@link Server#listingOrder}); a
     * finding about the audit itself, which has no account or id, is placed as if both read "null".
     */
    private static final Comparator<Finding> BY_RESOURCE = (a, b) ->
            Server.listingOrder(a.account(), a.resourceId(), b.account(), b.resourceId());

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
        int[] ruleOrder = ruleOrder(all);
        int ruleIds = Arrays.stream(ruleOrder).max().orElse(0) + 1;
        // Worst first, then by category, then by rule: groups counted out in their order, with each group's findings
        // in the order the rules gave them.
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
        Finding[] sorted = new Finding[groupOf.length];
        for (int i = 0; i < groupOf.length; i++) {
            sorted[free[groupOf[i]]++] = all.get(i);
        }
        // Within a group by resource. A rule goes through the servers in the inventory's order, which is this order,
        // so a group is almost always in order already: checking that takes one comparison per finding, where
        // sorting took many, and the stable sort for a group that is not keeps the rules' order among equals.
        for (int group = 0; group + 1 < groupStart.length; group++) {
            if (!inOrder(sorted, groupStart[group], groupStart[group + 1])) {
                Arrays.sort(sorted, groupStart[group], groupStart[group + 1], BY_RESOURCE);
            }
        }
        return List.of(sorted);
    }

    private static boolean inOrder(Finding[] findings, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (BY_RESOURCE.compare(findings[i - 1], findings[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** For each finding, the place of its rule id among the distinct rule ids in alphabetical order. */
    private static int[] ruleOrder(List<Finding> findings) {
        Map<String, Integer> placeOf = new HashMap<>();
        findings.forEach(finding -> placeOf.putIfAbsent(finding.ruleId(), 0));
        List<String> ids = new ArrayList<>(placeOf.keySet());
        ids.sort(null);
        for (int place = 0; place < ids.size(); place++) {
            placeOf.put(ids.get(place), place);
        }
        int[] order = new int[findings.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = placeOf.get(findings.get(i).ruleId());
        }
        return order;
    }

    private static List<Finding> findingsOf(List<Rule> selected, AuditContext context, List<Finding> earlier) {
        return selected.parallelStream().flatMap(rule -> rule.evaluate(context, earlier).stream()).toList();
    }
}
