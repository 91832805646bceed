package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Runs every rule over the inventory: plain rules first, then composite rules over their findings. */
public final class RuleEngine {

    /** Worst first, then by rule and resource, so every output lists findings in the same order. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> String.valueOf(f.account()))
            .thenComparing(f -> String.valueOf(f.resourceId()));

    private final List<Rule> rules;

    public RuleEngine(List<Rule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.metadata().id())).toList();
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
        findings.sort(REPORT_ORDER);
        return findings;
    }
}
