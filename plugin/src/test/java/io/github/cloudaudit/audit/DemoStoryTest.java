package io.github.cloudaudit.audit;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.RiskRanking;
import io.github.cloudaudit.report.RiskRanking.ServerRisk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled demo tells the incident as demo/README.md promises, through the real readers and rules. */
class DemoStoryTest {

    /** Nothing is wrong with them (app-web-01 is left out: Defender for Servers is off in its subscription). */
    private static final List<String> HEALTHY = List.of("web-01", "web-02", "api-01", "api-02", "analytics-01",
            "bastion-01", "orders-pg", "sql-nordlys-portal");

    private static List<Finding> findings;
    private static List<ServerRisk> ranking;

    @BeforeAll
    static void auditTheDemo() throws IOException {
        AuditReport report = ReportFixtures.bundledDemo("en");
        findings = report.result().findings();
        ranking = RiskRanking.of(report);
    }

    private static List<String> rulesOn(String name) {
        return findings.stream().filter(f -> name.equals(f.resourceName()) || name.equals(f.resourceId()))
                .map(Finding::ruleId).toList();
    }

    @Test
    void theMinedForgottenServerLeadsWithTheHighestPossibleScore() {
        assertThat(ranking.get(0).profile().server().name()).isEqualTo("crm-legacy-db-01");
        assertThat(ranking.get(0).score()).isEqualTo(100);
        assertThat(ranking.get(1).score()).isLessThan(52);
        assertThat(rulesOn("crm-legacy-db-01")).contains("threat-cryptomining", "risk-forgotten-database",
                "cpu-sustained-high").doesNotContain("monitoring-no-threat-detection");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("cpu-sustained-high")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void anOwnedLegacyDatabaseWithACpuAlarmIsNotForgotten() {
        assertThat(rulesOn("billing-mysql")).contains("legacy-db-engine", "db-exposed")
                .doesNotContain("risk-forgotten-database");
    }

    @Test
    void healthyServersHaveNothingAboveInfoAndNoMonitoringGapIsCritical() {
        assertThat(findings).filteredOn(f -> HEALTHY.contains(f.resourceName()) || HEALTHY.contains(f.resourceId()))
                .allSatisfy(f -> assertThat(f.severity()).as(f.ruleId() + " on " + f.resourceName())
                        .isEqualTo(Severity.INFO));
        assertThat(findings).filteredOn(f -> f.ruleId().startsWith("monitoring-"))
                .noneMatch(f -> f.severity() == Severity.CRITICAL);
    }

    @Test
    void anEnglishAuditKeepsOnlyTheEnglishStringsAndANorwegianOneTheTextsToTellThem() throws IOException {
        // Findings about the audit's own gaps are few and keep theirs whatever the language.
        assertThat(findings).filteredOn(f -> !f.ruleId().equals("audit-incomplete")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.texts()).isNull());
        assertThat(ReportFixtures.bundledDemo("nb").result().findings()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.texts()).isNotNull());
    }
}
