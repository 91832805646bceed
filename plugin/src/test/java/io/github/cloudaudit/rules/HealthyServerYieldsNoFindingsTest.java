package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.runAll;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static org.assertj.core.api.Assertions.assertThat;

/** The promise every built-in rule must keep: a clean, owned, monitored, current server yields no finding. */
class HealthyServerYieldsNoFindingsTest {

    @Test
    void everyBuiltInRuleIsSilentOnAHealthyServerInAWatchedAccount() {
        assertThat(RuleEngine.withBuiltInRules().rules()).isNotEmpty();

        assertThat(runAll(watchedInventory(healthyServer("i-1").build(), healthyServer("i-2").build()))).isEmpty();
    }

    @Test
    void aHealthyDatabaseHostWhoseWatchersAreUnknownHasNothingAboveInfo() {
        Server unknown = MonitoringTestSupport.personalDataHost(healthyServer("i-1"))
                .monitoring(new Monitoring(null, null, null)).launchedOn(null).build();

        List<Finding> findings = runAll(inventory(List.of(unknown), List.of(), List.of()));

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.verified()).isFalse();
            assertThat(AuditContext.settledBy(f)).as("what input would settle " + f.ruleId()).isNotBlank();
        });
    }
}
