package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.EMPTY_TABLE;
import static io.github.cloudaudit.rules.Fixtures.PERSONAL_DATA;
import static io.github.cloudaudit.rules.Fixtures.findings;
import static io.github.cloudaudit.rules.Fixtures.singleFinding;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.RuleTestSupport.AUDIT_DATE;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static io.github.cloudaudit.rules.Fixtures.norwegian;
import static io.github.cloudaudit.rules.Fixtures.norwegianEvidence;
import static org.assertj.core.api.Assertions.assertThat;

class LegacyDbEngineRuleTest {

    private final LegacyDbEngineRule rule = new LegacyDbEngineRule();

    private static Server.Builder managed(String product, String version) {
        return healthyServer("orders-db").kind(ResourceKind.MANAGED_DATABASE).type("db.m7g.large").os(null)
                .engine(new DatabaseEngine(product, version));
    }

    @Test
    void aServerWithoutADatabasePasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void aSupportedEnginePasses() {
        assertThat(findings(rule, managed("postgresql", "16.4"))).isEmpty();
    }

    @Test
    void anEnginePastItsEndOfSupportIsReportedWithItsExtendedSupport() {
        Finding finding = singleFinding(rule, managed("mysql", "5.7.44"));

        assertThat(finding.ruleId()).isEqualTo("legacy-db-engine");
        assertThat(finding.verified()).isTrue();
        // A managed database always hosts one, so the base MEDIUM is raised one step.
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.message())
                .startsWith("web-orders-db runs MySQL 5.7.44; support for MySQL 5.7 ended on 2023-10-31, "
                        + "3 years and 23 days ago")
                .contains("Paid extended support runs until 2027-02-28");
        assertThat(finding.evidence()).contains("end of support: 2023-10-31",
                "end of paid extended support: 2027-02-28");
    }

    @Test
    void anOldEngineOnAVirtualMachineIsRaisedForTheDatabaseAndAgainForPersonalData() {
        Server.Builder vm = healthyServer("i-db").engine(new DatabaseEngine("mysql", "5.6.51"));

        assertThat(singleFinding(rule, vm).severity()).isEqualTo(Severity.HIGH);
        assertThat(singleFinding(rule, tagged(vm, PERSONAL_DATA)).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aVersionMatchesItsReleaseOnlyAtADotBoundary() {
        Finding finding = singleFinding(rule, managed("mysql", "5.70"));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("MySQL 5.70 on web-orders-db is not in the lifecycle table; "
                + "add it with a databaseLifecycle table.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"azure-sql", "Azure-SQL-Managed-Instance", "cosmosdb"})
    void evergreenServicesHaveNoVersionToGoOutOfSupport(String product) {
        assertThat(findings(rule, managed(product, null))).isEmpty();
    }

    @Test
    void anUnknownVersionIsUnverified() {
        Finding finding = singleFinding(rule, managed("postgresql", null));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("The version of PostgreSQL on web-orders-db is unknown, "
                + "so its end of support cannot be checked.");
    }

    @Test
    void aDatabaseHostWithoutAKnownEngineIsUnverifiedWithItsEvidence() {
        Finding finding = singleFinding(rule, tagged(healthyServer("i-db"), DATABASE_HOST));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("web-i-db hosts a database (tag role=database) but its engine "
                + "version is unknown, so its end of support cannot be checked.");
    }

    @Test
    void aManagedDatabaseWithoutAnEngineIsUnverified() {
        Finding finding = singleFinding(rule, managed("mysql", null).engine(null));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.message()).contains("hosts a database (managed database service)");
    }

    @Test
    void supportEndingOnTheAuditDateHasNotEndedYet(@TempDir Path directory) throws IOException {
        assertThat(runWithEndOfSupport(directory, AUDIT_DATE)).isEmpty();
    }

    @Test
    void supportThatEndedTheDayBeforeTheAuditIsReported(@TempDir Path directory) throws IOException {
        assertThat(runWithEndOfSupport(directory, AUDIT_DATE.minusDays(1))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("ended on 2026-11-22, 1 day ago"));
    }

    private List<Finding> runWithEndOfSupport(Path directory, LocalDate end) throws IOException {
        Server server = managed("testdb", "3.1.4").build();
        AuditContext context = Fixtures.contextWithTables(watchedInventory(server), directory, EMPTY_TABLE,
                Fixtures.table("testdb", "3.1", end));
        return rule.evaluate(context, List.of());
    }

    @Test
    void theNorwegianReportSaysWhenSupportEndedAndTheInputThatWouldTellAnUnknownEngine() {
        assertThat(norwegian(singleFinding(rule, managed("mysql", "5.7.44")))).isEqualTo("web-orders-db kjører MySQL "
                + "5.7.44; støtten for MySQL 5.7 tok slutt 2023-10-31, for 3 år og 23 dager siden, så databasen får "
                + "ikke lenger sikkerhetsrettelser. Betalt utvidet støtte varer til 2027-02-28, men bare hvis den er "
                + "kjøpt for denne serveren.");
        Finding unknown = singleFinding(rule, tagged(healthyServer("i-db"), DATABASE_HOST));
        assertThat(norwegian(unknown)).isEqualTo("web-i-db har en database (taggen role=database), men versjonen av "
                + "databasemotoren er ukjent, så slutten på støtteperioden kan ikke sjekkes.");
        assertThat(norwegianEvidence(unknown)).contains("ingen databasemotor i inventaret",
                "har en database: taggen role=database").anySatisfy(line -> assertThat(line)
                .startsWith("kan avklares med: databasemotoren og versjonen på serveren"));
    }
}
