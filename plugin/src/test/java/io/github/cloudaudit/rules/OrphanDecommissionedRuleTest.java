package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.PERSONAL_DATA;
import static io.github.cloudaudit.rules.Fixtures.findings;
import static io.github.cloudaudit.rules.Fixtures.singleFinding;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.RuleTestSupport.AUDIT_DATE;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.Fixtures.norwegian;
import static io.github.cloudaudit.rules.Fixtures.norwegianEvidence;
import static org.assertj.core.api.Assertions.assertThat;

class OrphanDecommissionedRuleTest {

    private final OrphanDecommissionedRule rule = new OrphanDecommissionedRule();

    private static Server.Builder taggedWith(String key, String value) {
        return tagged(healthyServer("i-1"), Map.of(key, value));
    }

    @Test
    void anOrdinaryServerPasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void aServerTaggedAsDecommissionedIsReportedWithItsState() {
        Finding finding = singleFinding(rule, taggedWith("status", "Decommissioned"));

        assertThat(finding.ruleId()).isEqualTo("orphan-decommissioned");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-1 is tagged as decommissioned (status=Decommissioned), "
                + "yet it is still there (running since 2026-05-07).");
        assertThat(finding.evidence()).contains("tag status=Decommissioned matches the marker 'decommissioned'");
    }

    @Test
    void aDatabaseHostRaisesItOneStepAndPersonalDataOneMore() {
        Server.Builder marked = taggedWith("lifecycle", "retired");

        assertThat(singleFinding(rule, tagged(marked, DATABASE_HOST)).severity()).isEqualTo(Severity.HIGH);
        assertThat(singleFinding(rule, tagged(marked, DATABASE_HOST, PERSONAL_DATA)).severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @ParameterizedTest
    @CsvSource({"Name, old-db-to-delete", "lifecycle, decommissioned 2023", "note, 'obsolete, ask ops'",
            "status, TO-DELETE", "decommissioned, ''", "Decommission, 2024-05-01"})
    void aMarkerAsAWordInAValueOrAsTheKeyCounts(String key, String value) {
        assertThat(findings(rule, taggedWith(key, value))).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"cleanup, deleted-items", "app, sunsetboulevard", "decommissioned, false", "retired, no",
            "Name, undelete-service"})
    void aMarkerInsideAnotherWordOrSwitchedOffDoesNot(String key, String value) {
        assertThat(findings(rule, taggedWith(key, value))).isEmpty();
    }

    @Test
    void aStoppedServerSaysSinceWhen() {
        Server.Builder stopped = taggedWith("status", "to-delete").state(PowerState.STOPPED)
                .stateSince(AUDIT_DATE.minusDays(400));

        assertThat(singleFinding(rule, stopped).message()).endsWith("yet it is still there (stopped since 2025-10-19).");
    }

    @Test
    void theNorwegianReportNamesTheTagAndTheState() {
        Finding finding = singleFinding(rule, taggedWith("status", "Decommissioned"));

        assertThat(norwegian(finding)).isEqualTo("web-i-1 er tagget som avviklet (status=Decommissioned), men finnes "
                + "fortsatt (kjører siden 2026-05-07).");
        assertThat(norwegianEvidence(finding)).contains("taggen status=Decommissioned samsvarer med markøren "
                + "'decommissioned'", "tilstand: kjører siden 2026-05-07");
        assertThat(norwegian(singleFinding(rule, taggedWith("status", "Decommissioned").state(PowerState.STOPPED)
                .stateSince(null)))).endsWith("men finnes fortsatt (stoppet).");
    }
}
