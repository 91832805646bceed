package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Runs every rule over the inventory: plain rules first, then composite rules over their findings. */
public final class RuleEngine {

    /** Within a severity, the story first: risks, then exposure and coverage, then their ingredients. */
    private static final List<Category> CATEGORY_ORDER = List.of(Category.RISK, Category.EXPOSURE, Category.COVERAGE,
            Category.LEGACY, Category.ORPHANED, Category.MONITORING);

    private final List<Rule> rules;
    private final Comparator<Finding> reportOrder;

    public RuleEngine(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.metadata().id())).toList();
        Map<String, Integer> categoryRank = new HashMap<>();
        rules.forEach(r -> categoryRank.put(r.metadata().id(), CATEGORY_ORDER.indexOf(r.metadata().category())));
        // Worst first, then by category, rule and resource, so every output lists findings in the same order.
        this.reportOrder = Comparator.comparing(Finding::severity)
                .thenComparing(f -> categoryRank.getOrDefault(f.ruleId(), CATEGORY_ORDER.size()))
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> String.valueOf(f.account()))
                .thenComparing(f -> String.valueOf(f.resourceId()));
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

    public List<Finding> run(AuditContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.composite()) {
                findings.addAll(rule.evaluate(context, List.of()));
            }
        }
        List<Finding> plain = List.copyOf(findings);
        for (Rule rule : rules) {
            if (rule.composite()) {
                findings.addAll(rule.evaluate(context, plain));
            }
        }
        findings.sort(reportOrder);
        return findings;
    }
}
