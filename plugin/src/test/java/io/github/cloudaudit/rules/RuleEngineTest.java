package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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

    /**
     * The same order whichever order the inventory lists its servers in: as read, in the engine's own order (its
     * groups then need no sort) and backwards (each group needs one), and with a group out of order only at its end.
     */
    @ParameterizedTest
    @ValueSource(strings = {"as given", "in order", "backwards", "last two swapped"})
    void withinARankFindingsGoByRuleIdThenAccountThenResourceIdAsTextAndTiesKeepTheRulesOrder(String listing) {
        List<Server> servers = new ArrayList<>();
        for (String account : List.of("2", "10", "1")) {
            for (String id : List.of("i-9", "i-10", "I-1", "i-1")) {
                servers.add(RuleTestSupport.healthyServer(id).account(account).build());
            }
        }
        Comparator<Server> engineOrder = Comparator.comparing(Server::account).thenComparing(Server::id);
        switch (listing) {
            case "in order" -> servers.sort(engineOrder);
            case "backwards" -> servers.sort(engineOrder.reversed());
            case "last two swapped" -> {
                servers.sort(engineOrder);
                Collections.swap(servers, servers.size() - 2, servers.size() - 1);
            }
            default -> { }
        }
        List<Finding> findings = new RuleEngine(List.of(new ScrambledRule("b-rule", List.of("first", "second")),
                new ScrambledRule("a-rule", List.of("only")))).run(RuleTestSupport.context(
                RuleTestSupport.watchedInventory(servers.toArray(Server[]::new))));

        assertThat(findings).extracting(f -> f.ruleId() + " " + f.account() + "/" + f.resourceId() + " " + f.message())
                .startsWith("a-rule 1/I-1 only", "a-rule 1/i-1 only", "a-rule 1/i-10 only", "a-rule 1/i-9 only",
                        "a-rule 10/I-1 only")
                .contains("b-rule 2/i-9 first", "b-rule 2/i-9 second")
                .endsWith("a-rule 2/i-10 only", "a-rule 2/i-9 only",
                        "b-rule 1/I-1 first", "b-rule 1/I-1 second", "b-rule 1/i-1 first", "b-rule 1/i-1 second",
                        "b-rule 1/i-10 first", "b-rule 1/i-10 second", "b-rule 1/i-9 first", "b-rule 1/i-9 second",
                        "b-rule 10/I-1 first", "b-rule 10/I-1 second", "b-rule 10/i-1 first", "b-rule 10/i-1 second",
                        "b-rule 10/i-10 first", "b-rule 10/i-10 second", "b-rule 10/i-9 first", "b-rule 10/i-9 second",
                        "b-rule 2/I-1 first", "b-rule 2/I-1 second", "b-rule 2/i-1 first", "b-rule 2/i-1 second",
                        "b-rule 2/i-10 first", "b-rule 2/i-10 second", "b-rule 2/i-9 first", "b-rule 2/i-9 second");
        assertThat(findings).hasSize(36);
    }
}
