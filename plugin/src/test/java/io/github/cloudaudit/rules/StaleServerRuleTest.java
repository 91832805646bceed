package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.DatabaseEngine;
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

class StaleServerRuleTest {

    private final StaleServerRule rule = new StaleServerRule();

    private static Server.Builder launchedDaysAgo(long days) {
        return healthyServer("i-old").launchedOn(AUDIT_DATE.minusDays(days));
    }

    @Test
    void aRecentServerPasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void aServerExactlyAtTheLimitPasses() {
        assertThat(findings(rule, launchedDaysAgo(1095))).isEmpty();
    }

    @Test
    void aServerOneDayOverTheLimitIsReportedWithItsAge() {
        Finding finding = singleFinding(rule, launchedDaysAgo(1096));

        assertThat(finding.ruleId()).isEqualTo("stale-server");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-old was launched on 2023-11-23, 3 years ago, longer than "
                + "the limit of 1095 days.");
        assertThat(finding.evidence()).contains("age at the audit date: 1096 days");
    }

    @Test
    void aDatabaseHostRaisesItOneStepAndPersonalDataOneMore() {
        assertThat(singleFinding(rule, tagged(launchedDaysAgo(2000), DATABASE_HOST)).severity())
                .isEqualTo(Severity.MEDIUM);
        assertThat(singleFinding(rule, tagged(launchedDaysAgo(2000), DATABASE_HOST, PERSONAL_DATA)).severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void managedDatabasesAreAgedByTheirCreationDate() {
        Server.Builder database = launchedDaysAgo(2000).kind(ResourceKind.MANAGED_DATABASE)
                .engine(new DatabaseEngine("postgresql", "16.4"));

        assertThat(singleFinding(rule, database).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theLimitComesFromTheSettings() {
        Server server = launchedDaysAgo(31).build();
        AuditSettings monthly = AuditSettings.defaults().withMaxServerAgeDays(30);

        List<Finding> findings = rule.evaluate(context(watchedInventory(server), monthly), List.of());

        assertThat(findings).singleElement()
                .satisfies(finding -> assertThat(finding.message()).endsWith("longer than the limit of 30 days."));
    }

    @Test
    void anUnknownLaunchDateIsUnverified() {
        Finding finding = singleFinding(rule, tagged(healthyServer("i-1").launchedOn(null), DATABASE_HOST));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("The launch or creation date of web-i-1 is unknown, "
                + "so its age cannot be checked.");
    }

    @Test
    void theNorwegianReportSaysTheAgeInYearsAndDays() {
        assertThat(norwegian(singleFinding(rule, launchedDaysAgo(1096)))).isEqualTo("web-i-old ble startet 2023-11-23, "
                + "for 3 år siden, som er mer enn grensen på 1095 dager.");
        assertThat(norwegian(singleFinding(rule, launchedDaysAgo(1097)))).contains("for 3 år og 1 dag siden");
        assertThat(norwegian(singleFinding(rule, launchedDaysAgo(1098)))).contains("for 3 år og 2 dager siden");
        assertThat(norwegianEvidence(singleFinding(rule, launchedDaysAgo(1096))))
                .contains("alder på revisjonsdatoen: 1096 dager", "grense (maxServerAgeDays): 1095 dager");
        assertThat(norwegian(singleFinding(rule, healthyServer("i-1").launchedOn(null))))
                .isEqualTo("Datoen da web-i-1 ble startet eller opprettet, er ukjent, så alderen kan ikke sjekkes.");
    }
}
