package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.runAll;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static org.assertj.core.api.Assertions.assertThat;

/** The legacy, orphan, exposure and CPU rules are found by the engine and describe themselves fully. */
class LegacyOrphanExposureRulesTest {

    private static final List<String> IDS = List.of("legacy-os", "legacy-db-engine", "legacy-instance-generation",
            "stale-server", "orphan-no-owner", "orphan-decommissioned", "orphan-stopped", "db-exposed",
            "cpu-sustained-high");

    @Test
    void everyRuleIsRegisteredOnce() {
        Map<String, Long> counts = RuleEngine.withBuiltInRules().rules().stream()
                .collect(Collectors.groupingBy(rule -> rule.metadata().id(), Collectors.counting()));

        IDS.forEach(id -> assertThat(counts).containsEntry(id, 1L));
    }

    @Test
    void everyRuleExplainsItselfAndNamesEquivalentChecks() {
        Map<String, RuleMetadata> metadata = RuleEngine.withBuiltInRules().rules().stream()
                .map(Rule::metadata).collect(Collectors.toMap(RuleMetadata::id, Function.identity()));

        for (String id : IDS) {
            RuleMetadata rule = metadata.get(id);
            assertThat(rule.title()).as(id).isNotBlank();
            assertThat(rule.rationale()).as(id).isNotBlank();
            assertThat(rule.remediation()).as(id).isNotBlank();
            assertThat(rule.references()).as(id).isNotEmpty();
        }
    }

    @Test
    void aHealthyServerGivesNoneOfTheirFindings() {
        assertThat(runAll(watchedInventory(healthyServer("i-1").build())))
                .filteredOn(finding -> IDS.contains(finding.ruleId()))
                .isEmpty();
    }
}
