package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

    /** A rule that reports, on every server in the order given, a finding per message. */
    private record ScrambledRule(String id, List<String> messages) implements Rule {
        @Override
        public RuleMetadata metadata() {
            return new RuleMetadata(id, id, Category.LEGACY, Severity.LOW, "rationale", "remediation", List.of());
        }

        @Override
        public List<Finding> evaluate(AuditContext context, List<Finding> earlier) {
            List<Finding> findings = new ArrayList<>();
            for (Server server : context.inventory().servers()) {
                messages.forEach(message -> findings.add(context.finding(metadata(), server, message, List.of())));
            }
            return findings;
        }
    }

    @Test
    void withinARankFindingsGoByRuleIdThenAccountThenResourceIdAsTextAndTiesKeepTheRulesOrder() {
        List<Server> servers = new ArrayList<>();
        for (String account : List.of("2", "10", "1")) {
            for (String id : List.of("i-9", "i-10", "I-1", "i-1")) {
                servers.add(RuleTestSupport.healthyServer(id).account(account).build());
            }
        }
        List<Finding> findings = new RuleEngine(List.of(new ScrambledRule("b-rule", List.of("first", "second")),
                new ScrambledRule("a-rule", List.of("only")))).run(RuleTestSupport.context(
                RuleTestSupport.watchedInventory(servers.toArray(Server[]::new))));

        assertThat(findings).extracting(f -> f.ruleId() + " " + f.account() + "/" + f.resourceId() + " " + f.message())
                .startsWith("a-rule 1/I-1 only", "a-rule 1/i-1 only", "a-rule 1/i-10 only", "a-rule 1/i-9 only",
                        "a-rule 10/I-1 only")
                .contains("b-rule 2/i-9 first", "b-rule 2/i-9 second")
                .endsWith("b-rule 2/i-10 first", "b-rule 2/i-10 second", "b-rule 2/i-9 first", "b-rule 2/i-9 second");
        assertThat(findings).hasSize(36);
    }
}
