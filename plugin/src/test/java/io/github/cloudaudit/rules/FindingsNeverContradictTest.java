package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.cloudaudit.rules.MonitoringTestSupport.personalDataHost;
import static io.github.cloudaudit.rules.MonitoringTestSupport.rdsDatabase;
import static io.github.cloudaudit.rules.MonitoringTestSupport.regionScope;
import static io.github.cloudaudit.rules.RuleTestSupport.AUDIT_DATE;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.runAll;
import static org.assertj.core.api.Assertions.assertThat;

/** One rule says one thing about one resource: never both "confirmed" and "could not verify". */
class FindingsNeverContradictTest {

    @Test
    void noRuleReportsAResourceBothConfirmedAndUnverified() {
        List<Server> servers = List.of(
                healthyServer("i-stopped-hot").state(PowerState.STOPPED).stateSince(AUDIT_DATE.minusDays(90))
                        .cpu(new CpuStatistics(14, 97.0, 100.0)).build(),
                personalDataHost(healthyServer("i-unknown")).monitoring(Monitoring.UNKNOWN)
                        .tags(Map.of()).os(null).launchedOn(null).build(),
                healthyServer("i-half").monitoring(new Monitoring(false, null, true)).networkIds(List.of()).build(),
                rdsDatabase("crm-db").monitoring(new Monitoring(null, false, null)).build());
        // GuardDuty off in the region, trail unknown: mixed facts on purpose.
        List<Finding> findings = runAll(inventory(servers, List.of(regionScope(false, false, null)), List.of()));

        Map<String, List<Finding>> byRuleAndResource = findings.stream().collect(Collectors.groupingBy(
                f -> f.ruleId() + " on " + f.provider() + "/" + f.account() + "/" + f.resourceId()));

        assertThat(findings).isNotEmpty();
        // One verdict per rule and resource rules out a confirmed and an unverified finding side by side.
        assertThat(byRuleAndResource).allSatisfy((key, same) -> assertThat(same).as("findings of %s", key).hasSize(1));
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }
}
