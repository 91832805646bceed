package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    /** A rule that reports one finding of the given severity on every server, or, when composite, counts the others. */
    private record FixedRule(String id, Category category, Severity severity, boolean composite) implements Rule {
        @Override
        public RuleMetadata metadata() {
            return new RuleMetadata(id, id, category, severity, "rationale", "remediation", List.of());
        }

        @Override
        public List<Finding> evaluate(AuditContext context, List<Finding> earlier) {
            String message = composite ? "saw " + earlier.size() : "plain";
            return context.inventory().servers().stream()
                    .map(s -> context.finding(metadata(), s, message, List.of())).toList();
        }
    }

    @Test
    void compositeRulesSeeThePlainFindingsAndTheStoryLeadsItsSeverity() {
        RuleEngine engine = new RuleEngine(List.of(
                new FixedRule("a-monitoring", Category.MONITORING, Severity.CRITICAL, false),
                new FixedRule("b-exposed", Category.EXPOSURE, Severity.CRITICAL, false),
                new FixedRule("z-risk", Category.RISK, Severity.CRITICAL, true),
                new FixedRule("c-legacy", Category.LEGACY, Severity.LOW, false)));
        List<Finding> findings = engine.run(RuleTestSupport.context(
                RuleTestSupport.watchedInventory(RuleTestSupport.healthyServer("i-1").build())));

        assertThat(findings).extracting(Finding::ruleId).containsExactly("z-risk", "b-exposed", "a-monitoring", "c-legacy");
        assertThat(findings.get(0).message()).isEqualTo("saw 3");
    }
}
