package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

class LegacyOsRuleTest {

    private final LegacyOsRule rule = new LegacyOsRule();

    private static Server.Builder trusty() {
        return healthyServer("i-legacy").os(new OperatingSystem("ubuntu", "14.04", "ubuntu-trusty-14.04-amd64-server"));
    }

    @Test
    void aSupportedOperatingSystemPasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void anOperatingSystemPastItsEndOfSupportIsReportedWithItsDates() {
        Finding finding = singleFinding(rule, trusty());

        assertThat(finding.ruleId()).isEqualTo("legacy-os");
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message())
                .startsWith("web-i-legacy runs Ubuntu 14.04 LTS (Trusty Tahr)")
                .contains("ended on 2019-04-30, 7 years and 207 days ago")
                .contains("Paid extended support ended too, on 2024-04-30");
        assertThat(finding.evidence()).contains("end of support: 2019-04-30", "audit date: 2026-11-23",
                "detected from: ubuntu-trusty-14.04-amd64-server");
    }

    @Test
    void paidExtendedSupportStillRunningIsMentioned() {
        Finding finding = singleFinding(rule, healthyServer("i-1").os(new OperatingSystem("ubuntu", "18.04", null)));

        assertThat(finding.message()).contains("Paid extended support runs until 2028-04-30");
    }

    @Test
    void aDatabaseHostRaisesItOneStepAndPersonalDataOneMore() {
        assertThat(singleFinding(rule, tagged(trusty(), DATABASE_HOST)).severity()).isEqualTo(Severity.HIGH);
        assertThat(singleFinding(rule, tagged(trusty(), DATABASE_HOST, PERSONAL_DATA)).severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void managedDatabasesHaveNoOperatingSystemOfTheirsToCheck() {
        Server.Builder managed = trusty().kind(ResourceKind.MANAGED_DATABASE).engine(new DatabaseEngine("postgresql", "16.4"));

        assertThat(findings(rule, managed)).isEmpty();
    }

    @Test
    void anUnknownOperatingSystemIsReportedAsUnverified() {
        Finding finding = singleFinding(rule, tagged(healthyServer("i-1").os(null).image("custom-golden-image-7"),
                DATABASE_HOST));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("Could not determine the operating system of web-i-1, "
                + "so its end of support cannot be checked.");
        assertThat(finding.evidence()).contains("image: custom-golden-image-7");
    }

    @Test
    void anUnrecognizedProductIsUnverifiedToo() {
        Finding finding = singleFinding(rule, healthyServer("i-1").os(new OperatingSystem(null, null, "mystery")));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.message()).startsWith("Could not determine the operating system");
    }

    @Test
    void aMissingVersionIsUnverified() {
        Finding finding = singleFinding(rule, healthyServer("i-1").os(new OperatingSystem("ubuntu", null, "ubuntu")));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.message()).isEqualTo("web-i-1 runs Ubuntu but its version is unknown, "
                + "so its end of support cannot be checked.");
    }

    @Test
    void aReleaseMissingFromTheTableIsUnverifiedWithHowToAddIt() {
        Finding finding = singleFinding(rule, healthyServer("i-1").os(new OperatingSystem("ubuntu", "99.04", null)));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("Ubuntu 99.04 on web-i-1 is not in the lifecycle table; "
                + "add it with an osLifecycle table.");
    }

    @Test
    void supportEndingOnTheAuditDateHasNotEndedYet(@TempDir Path directory) throws IOException {
        assertThat(runWithEndOfSupport(directory, AUDIT_DATE)).isEmpty();
    }

    @Test
    void supportThatEndedTheDayBeforeTheAuditIsReported(@TempDir Path directory) throws IOException {
        assertThat(runWithEndOfSupport(directory, AUDIT_DATE.minusDays(1)))
                .singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("ended on 2026-11-22, 1 day ago"));
    }

    private List<Finding> runWithEndOfSupport(Path directory, LocalDate end) throws IOException {
        Server server = healthyServer("i-1").os(new OperatingSystem("testos", "1.2", null)).build();
        AuditContext context = Fixtures.contextWithTables(watchedInventory(server), directory,
                Fixtures.table("testos", "1", end), EMPTY_TABLE);
        return rule.evaluate(context, List.of());
    }

    @Test
    void theNorwegianReportSaysWhenSupportEndedAndWhatExtendedSupportDoes() {
        Finding finding = singleFinding(rule, trusty());

        assertThat(norwegian(finding)).isEqualTo("web-i-legacy kjører Ubuntu 14.04 LTS (Trusty Tahr); støtten for det "
                + "tok slutt 2019-04-30, for 7 år og 207 dager siden, så det får ikke lenger sikkerhetsoppdateringer. "
                + "Betalt utvidet støtte tok også slutt, 2024-04-30, for 2 år og 207 dager siden.");
        assertThat(norwegianEvidence(finding)).contains("slutt på støtte: 2019-04-30", "revisjonsdato: 2026-11-23",
                "utledet fra: ubuntu-trusty-14.04-amd64-server");
        assertThat(norwegian(singleFinding(rule, healthyServer("i-1").os(new OperatingSystem("ubuntu", "18.04", null)))))
                .endsWith("Betalt utvidet støtte varer til 2028-04-30, men bare hvis den er kjøpt for denne serveren.");
        assertThat(norwegian(singleFinding(rule, healthyServer("i-1").os(new OperatingSystem("ubuntu", null, "ubuntu")))))
                .isEqualTo("web-i-1 kjører Ubuntu, men versjonen er ukjent, så slutten på støtteperioden kan ikke "
                        + "sjekkes.");
    }
}
