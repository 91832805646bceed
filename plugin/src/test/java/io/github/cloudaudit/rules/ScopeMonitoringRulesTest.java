package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.MonitoringTestSupport.SUBSCRIPTION;
import static io.github.cloudaudit.rules.MonitoringTestSupport.accountScope;
import static io.github.cloudaudit.rules.MonitoringTestSupport.azureServer;
import static io.github.cloudaudit.rules.MonitoringTestSupport.azureSubscription;
import static io.github.cloudaudit.rules.MonitoringTestSupport.rdsDatabase;
import static io.github.cloudaudit.rules.MonitoringTestSupport.regionScope;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.networkWithFlowLogs;
import static io.github.cloudaudit.rules.RuleTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Threat detection and audit trail are read from the region scope and the account scope together. */
class ScopeMonitoringRulesTest {

    private static final Server EC2 = healthyServer("i-1").build();

    @Test
    void guardDutyOnInTheRegionIsEnoughEvenIfTheAccountScopeSaysOff() {
        assertThat(threats(EC2, regionScope(true, true, true), accountScope(false, false, true))).isEmpty();
    }

    @Test
    void guardDutyOnAccountWideIsEnoughEvenIfTheRegionScopeSaysOff() {
        assertThat(threats(EC2, regionScope(false, false, true), accountScope(true, true, true))).isEmpty();
    }

    @Test
    void guardDutyOffInTheRegionNamesAccountAndRegion() {
        assertThat(threats(EC2, regionScope(false, false, true), accountScope(null, null, true)))
                .singleElement().satisfies(f -> {
                    assertThat(f.verified()).isTrue();
                    assertThat(f.message()).startsWith("GuardDuty is off in account 123456789012 region eu-north-1: "
                            + "nothing looks for attacks on web-i-1");
                });
    }

    @Test
    void guardDutyOffAccountWideWithNoRegionFactsNamesTheAccount() {
        assertThat(threats(EC2, accountScope(false, false, true)))
                .singleElement().satisfies(f -> assertThat(f.message()).startsWith(
                        "GuardDuty is off in account 123456789012:"));
    }

    @Test
    void noScopeFactsAtAllIsUnverified() {
        assertThat(threats(EC2)).singleElement().satisfies(f -> {
            assertThat(f.verified()).isFalse();
            assertThat(f.message()).contains("aws guardduty list-detectors");
        });
    }

    @Test
    void aManagedDatabaseIsJudgedByDatabaseThreatDetectionAndAVirtualMachineByServerThreatDetection() {
        Scope serversOnly = regionScope(true, false, true);
        Server rds = rdsDatabase("crm-db").build();

        assertThat(threats(EC2, serversOnly)).isEmpty();
        assertThat(threats(rds, serversOnly)).singleElement()
                .satisfies(f -> assertThat(f.resourceId()).isEqualTo("crm-db"));
    }

    @Test
    void azureNamesTheDefenderPlanAndTheSubscription() {
        Server vm = azureServer("crm-vm").build();
        Server sql = rdsDatabase("crm-sql").provider(Provider.AZURE)
                .account(SUBSCRIPTION).networkIds(List.of()).build();

        assertThat(threats(vm, azureSubscription(false, false, true))).singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("Defender for Servers is not on the Standard tier in subscription " + SUBSCRIPTION));
        assertThat(threats(sql, azureSubscription(true, false, true))).singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("Defender for SQL is not on the Standard tier in subscription " + SUBSCRIPTION));
    }

    @Test
    void anAuditTrailInEitherScopeIsEnough() {
        assertThat(trails(EC2, regionScope(true, true, null), accountScope(true, true, true))).isEmpty();
        assertThat(trails(EC2, regionScope(true, true, true), accountScope(true, true, false))).isEmpty();
    }

    @Test
    void noAuditTrailIsAFindingNamingTheScope() {
        assertThat(trails(EC2, regionScope(true, true, false))).singleElement().satisfies(f -> {
            assertThat(f.verified()).isTrue();
            assertThat(f.message()).startsWith(
                    "No CloudTrail trail logs API activity in account 123456789012 region eu-north-1");
        });
    }

    private static List<Finding> threats(Server server, Scope... scopes) {
        return run(new NoThreatDetectionRule(), inScopes(server, scopes));
    }

    private static List<Finding> trails(Server server, Scope... scopes) {
        return run(new NoAuditTrailRule(), inScopes(server, scopes));
    }

    private static Inventory inScopes(Server server, Scope... scopes) {
        return inventory(List.of(server), List.of(scopes), List.of(networkWithFlowLogs()));
    }

    @Test
    void theNorwegianReportNamesTheServiceAndTheScope() {
        assertThat(threats(EC2, regionScope(false, false, true), accountScope(null, null, true)))
                .singleElement().satisfies(f -> assertThat(Fixtures.norwegian(f)).isEqualTo("GuardDuty er av i konto "
                        + "123456789012 region eu-north-1: ingenting ser etter angrep på web-i-1, som utvinning av "
                        + "kryptovaluta, innlogginger med stjålne passord eller data som kopieres ut."));
    }
}
