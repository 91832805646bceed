package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.PERSONAL_DATA;
import static io.github.cloudaudit.rules.Fixtures.findings;
import static io.github.cloudaudit.rules.Fixtures.singleFinding;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.RuleTestSupport.AUDIT_DATE;
import static io.github.cloudaudit.rules.RuleTestSupport.context;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static io.github.cloudaudit.rules.Fixtures.norwegian;
import static io.github.cloudaudit.rules.Fixtures.norwegianEvidence;
import static org.assertj.core.api.Assertions.assertThat;

class OrphanStoppedRuleTest {

    private final OrphanStoppedRule rule = new OrphanStoppedRule();

    private static Server.Builder stoppedDaysAgo(long days) {
        return healthyServer("i-1").state(PowerState.STOPPED).stateSince(AUDIT_DATE.minusDays(days));
    }

    @Test
    void aRunningServerPasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void aServerStoppedExactlyAtTheThresholdPasses() {
        assertThat(findings(rule, stoppedDaysAgo(30))).isEmpty();
    }

    @Test
    void aServerStoppedOneDayLongerWithADiskIsReported() {
        Finding finding = singleFinding(rule, stoppedDaysAgo(31));

        assertThat(finding.ruleId()).isEqualTo("orphan-stopped");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-1 has been stopped for 31 days (since 2026-10-23) with "
                + "1 disk attached: it serves nobody, but its storage is still billed and its data still there.");
        assertThat(finding.evidence()).contains("attached disks: 1", "stopped for: 31 days");
    }

    @Test
    void aDatabaseHostRaisesItOneStepAndPersonalDataOneMore() {
        assertThat(singleFinding(rule, tagged(stoppedDaysAgo(90), DATABASE_HOST)).severity())
                .isEqualTo(Severity.MEDIUM);
        assertThat(singleFinding(rule, tagged(stoppedDaysAgo(90), DATABASE_HOST, PERSONAL_DATA)).severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void aStoppedServerWithoutDisksCostsNothingAndPasses() {
        assertThat(findings(rule, stoppedDaysAgo(90).attachedDisks(0))).isEmpty();
    }

    @Test
    void aStoppedManagedDatabaseKeepsItsStorageWhateverTheDiskCount() {
        Server.Builder database = stoppedDaysAgo(60).kind(ResourceKind.MANAGED_DATABASE).attachedDisks(null)
                .engine(new DatabaseEngine("postgresql", "16.4"));

        Finding finding = singleFinding(rule, database);

        assertThat(finding.verified()).isTrue();
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.message()).contains("with its database storage");
    }

    @Test
    void unknownDisksOnALongStoppedVirtualMachineAreUnverified() {
        Finding finding = singleFinding(rule, tagged(stoppedDaysAgo(31).attachedDisks(null), DATABASE_HOST));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("web-i-1 has been stopped for 31 days, but the inventory does "
                + "not say whether disks are still attached.");
    }

    @Test
    void anUnknownStopDateIsUnverified() {
        Finding finding = singleFinding(rule, stoppedDaysAgo(0).stateSince(null));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).startsWith("web-i-1 is stopped, but since when is unknown");
    }

    @Test
    void theThresholdComesFromTheSettings() {
        Server server = stoppedDaysAgo(8).build();
        AuditSettings weekly = AuditSettings.defaults().withStoppedDaysThreshold(7);

        assertThat(rule.evaluate(context(watchedInventory(server), weekly), List.of())).hasSize(1);
    }

    @Test
    void theNorwegianReportSaysDaysAndDisksWithItsOwnPlurals() {
        Finding finding = singleFinding(rule, stoppedDaysAgo(31));

        assertThat(norwegian(finding)).isEqualTo("web-i-1 har stått stoppet i 31 dager (siden 2026-10-23) med 1 disk "
                + "koblet til: den betjener ingen, men lagringen faktureres fortsatt og dataene ligger der fortsatt.");
        assertThat(norwegianEvidence(finding)).contains("stoppet i: 31 dager", "tilkoblede disker: 1",
                "terskel (stoppedDaysThreshold): 30 dager");
        assertThat(norwegian(singleFinding(rule, stoppedDaysAgo(31).attachedDisks(3))))
                .contains("(siden 2026-10-23) med 3 disker koblet til:");
        assertThat(norwegian(singleFinding(rule, stoppedDaysAgo(31).attachedDisks(null))))
                .isEqualTo("web-i-1 har stått stoppet i 31 dager, men inventaret sier ikke om diskene fortsatt er "
                        + "koblet til.");
    }
}
