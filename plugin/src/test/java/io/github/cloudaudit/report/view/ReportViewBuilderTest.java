package io.github.cloudaudit.report.view;

import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.policy.BaselineComparison;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.view.ReportView.Stat;
import io.github.cloudaudit.report.view.ReportView.Story;
import io.github.cloudaudit.rules.NoCpuAlarmRule;
import io.github.cloudaudit.text.Text;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportViewBuilderTest {

    private static final Messages ENGLISH = Messages.load(TemplateSource.builtIn(), "en");

    private static ReportView view(AuditReport report) {
        return new ReportViewBuilder(report, ENGLISH, ReportViewBuilder.Limits.DEFAULT).build();
    }

    @Test
    void verdictFailsPassesOrCannotFail() {
        ReportView failed = view(ReportFixtures.demo("en"));
        assertThat(failed.verdict().key()).isEqualTo("fail");
        assertThat(failed.verdict().headline()).isEqualTo("Failed: 8 open findings at or above High need action");
        assertThat(failed.verdict().detail()).isEqualTo("12 findings in total: 11 open, 1 suppressed.");

        ReportView passed = view(ReportFixtures.clean("en", Severity.HIGH));
        assertThat(passed.verdict().key()).isEqualTo("pass");
        assertThat(passed.verdict().headline()).isEqualTo("Passed: no open finding at or above High");

        ReportView never = view(ReportFixtures.clean("en", null));
        assertThat(never.verdict().key()).isEqualTo("none");
        assertThat(never.verdict().headline()).isEqualTo("No failure threshold is set, so this audit cannot fail");
    }

    @Test
    void aVerdictFailedByAGateSaysWhichAndABaselinePassSaysWhatItAccepts() {
        AuditReport clean = ReportFixtures.clean("en", Severity.HIGH);
        PolicyResult gated = new PolicyResult(List.of(), List.of(), List.of(), Severity.HIGH, List.of(),
                List.of(Text.of("gate.incomplete")),
                BaselineComparison.NONE);
        ReportView failed = view(new AuditReport(clean.metadata(), clean.rules(), clean.resources(), gated,
                clean.inventory()));
        assertThat(failed.verdict().key()).isEqualTo("fail");
        assertThat(failed.verdict().headline())
                .isEqualTo("Failed: the audit is incomplete: it could not see everything (failOnIncompleteAudit)");

        PolicyResult accepted = new PolicyResult(List.of(), List.of(), List.of(), Severity.HIGH, List.of(), List.of(),
                new BaselineComparison(true, java.util.Set.of(), List.of()));
        ReportView passed = view(new AuditReport(clean.metadata(), clean.rules(), clean.resources(), accepted,
                clean.inventory()));
        assertThat(passed.verdict().headline())
                .isEqualTo("Passed: no new open finding at or above High; the baseline accepts the others");
    }

    @Test
    void riskSummaryCountsDatabaseServersByWhatIsWrongWithThem() {
        ReportView view = view(ReportFixtures.demo("en"));
        // Databases: legacy-crm-db (legacy, orphaned, unwatched), billing-pg (legacy), erp-sql-2012 (legacy engine
        // open; its legacy-os finding is suppressed). batch-worker-7 is orphaned but hosts no database.
        assertThat(view.risk().stats()).extracting(Stat::value).containsExactly("5", "3", "3", "1", "1", "1", "0");
        assertThat(view.risk().stats()).extracting(Stat::alert).containsExactly(false, false, true, true, true, true,
                false);
        assertThat(view(ReportFixtures.minedWeb("en")).risk().stats().get(6))
                .isEqualTo(new Stat("1", "servers where mining is reported", true));
        assertThat(view.risk().sentence()).isEqualTo("Of 5 servers audited, 3 host databases. Of those, 3 run software "
                + "past its end of support, 1 looks orphaned and 1 is not watched.");
    }

    @Test
    void tellsEachForgottenDatabaseAsAStory() {
        ReportView view = view(ReportFixtures.demo("en"));
        assertThat(view.spotlightEmpty()).isFalse();
        assertThat(view.spotlightTruncated()).isNull();
        Story story = view.spotlight().get(0);
        assertThat(story.title()).isEqualTo("legacy-crm-db");
        assertThat(story.severityKey()).isEqualTo("critical");
        assertThat(story.facts()).extracting(Fact::label, Fact::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("What", "Virtual machine running MySQL 5.6 on Ubuntu 14.04"),
                org.assertj.core.groups.Tuple.tuple("Where", "AWS account 111122223333, region eu-west-1"),
                org.assertj.core.groups.Tuple.tuple("Since when", "Launched March 14, 2016. Running since March 14, 2016."),
                org.assertj.core.groups.Tuple.tuple("Who owns it", "Nobody: the server carries no owner tag"),
                org.assertj.core.groups.Tuple.tuple("What data", "personal"),
                org.assertj.core.groups.Tuple.tuple("Risk", "48 of 100: Risk (risk-forgotten-database); Exposure "
                        + "(exposure-database-port-open); Legacy (legacy-database-engine, legacy-os); Orphaned "
                        + "(orphan-no-owner); Monitoring (monitoring-no-cpu-alarm)"));
        assertThat(view(ReportFixtures.clean("en", Severity.HIGH)).spotlightEmpty()).isTrue();
    }

    @Test
    void aMinedServerIsToldFirstWithIncidentResponseAsItsFirstStep() {
        ReportView view = view(ReportFixtures.minedWeb("en"));

        assertThat(view.spotlight()).extracting(Story::title).containsExactly("web-01", "legacy-crm-db");
        Story mined = view.spotlight().get(0);
        assertThat(mined.why()).startsWith("GuardDuty reports cryptocurrency mining on web-01");
        assertThat(mined.firstStep()).startsWith("Treat it as a security incident now: isolate it")
                .contains("GDPR Art. 33", "Datatilsynet", "within 72 hours", "Art. 34");
        assertThat(mined.facts()).contains(new Fact("Risk", "52 of 100: Threat (threat-cryptomining)"));
        assertThat(view.spotlight().get(1).firstStep()).startsWith("Name an owner today.");
        assertThat(view.serverCards()).extracting(s -> s.card().name())
                .containsExactly("web-01", "legacy-crm-db", "erp-sql-2012", "billing-pg", "batch-worker-7");
        assertThat(view.serverCards().get(0).card().facts().get(0)).isEqualTo(mined.facts().get(5));
    }

    @Test
    void aVirtualMachineWithoutAKnownEngineSaysTheEngineIsUnknown() {
        ReportView view = view(ReportFixtures.minedWeb("en"));

        assertThat(view.spotlight().get(0).facts().get(0))
                .isEqualTo(new Fact("What", "Virtual machine on Ubuntu 24.04, database engine unknown"));
    }

    @Test
    void unknownsAreGroupedByScopeAndInputOnceAndMissingCpuDataIsSaidOnce() {
        AuditReport report = ReportFixtures.unknowns("en", "eu-north-1", "eu-north-1", "us-east-1");

        ReportView.Coverage coverage = view(report).coverage();

        assertThat(coverage.unknowns()).contains(
                new ReportView.Unknown("AWS account 111122223333, region eu-north-1",
                        "2 servers: could not check \u201cNo alarm watches the server's CPU\u201d",
                        "aws cloudwatch describe-alarms"),
                new ReportView.Unknown("AWS account 111122223333, region us-east-1",
                        "1 server: could not check \u201cNo alarm watches the server's CPU\u201d",
                        "aws cloudwatch describe-alarms"));
        assertThat(coverage.unknowns()).extracting(ReportView.Unknown::settledBy)
                .contains("aws guardduty list-detectors", "aws ec2 describe-flow-logs");
        assertThat(coverage.miningUnchecked()).startsWith("No CPU statistics were provided for any server");
        assertThat(view(ReportFixtures.demo("en")).coverage().miningUnchecked()).as("the demo has CPU data").isNull();
    }

    @Test
    void aNorwegianReportTellsTheBuiltInRulesInNorwegian() {
        AuditReport report = ReportFixtures.unknowns("nb", "eu-north-1");
        ReportView view = new ReportViewBuilder(report, Messages.load(TemplateSource.builtIn(), "nb"),
                ReportViewBuilder.Limits.DEFAULT).build();

        assertThat(view.about().rules()).extracting(ReportView.RuleLine::title)
                .contains("Ingen alarm overvåker serverens CPU",
                        "En tjeneste for trusseldeteksjon rapporterer utvinning av kryptovaluta på serveren")
                .doesNotContain(NoCpuAlarmRule.METADATA.title());
        assertThat(view.coverage().unknowns()).extracting(ReportView.Unknown::what)
                .contains("1 server: kunne ikke sjekke \u00abIngen alarm overvåker serverens CPU\u00bb");
        assertThat(view.entries()).extracting(e -> e.row().ruleTitle()).doesNotContain(NoCpuAlarmRule.METADATA.title());
    }

    @Test
    void coverageSaysWhatWasReadSkippedAndMissing() {
        ReportView.Coverage coverage = view(ReportFixtures.demo("en")).coverage();
        assertThat(coverage.statement()).isEqualTo("This audit read 3 inventory files describing 5 servers in 3 accounts "
                + "or subscriptions and 3 regions; 1 file was skipped.");
        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.skipped()).containsExactly(new Fact("notes/README.md", "not an inventory file: no known format matched"));
        assertThat(coverage.gaps()).containsExactly(new ReportView.Gap("AWS / 444455556666 / eu-north-1",
                "cloudwatch:DescribeAlarms", "AccessDenied"));
        assertThat(coverage.incompleteFindings()).hasSize(1);
        assertThat(view(ReportFixtures.clean("en", Severity.HIGH)).coverage().completeness())
                .isEqualTo("Nothing was reported missing from the inventory.");
    }

    @Test
    void ordersFindingsWorstFirstAndServersByTheirWorstFinding() {
        ReportView view = view(ReportFixtures.demo("en"));
        assertThat(view.entries()).extracting(e -> e.finding().severity()).isSorted();
        assertThat(view.serverCards()).extracting(s -> s.card().name())
                .containsExactly("legacy-crm-db", "erp-sql-2012", "billing-pg", "batch-worker-7", "web-01");
        assertThat(view.serverCards().get(4).card().severityKey()).isEqualTo("none");
        assertThat(view.serverCards().get(1).card().findingCount()).isEqualTo("1 open, 1 suppressed");
    }

    @Test
    void rendersOnlyTheFirstRowsAndSaysSo() {
        AuditReport report = ReportFixtures.demo("en");
        ReportView view = new ReportViewBuilder(report, ENGLISH, new ReportViewBuilder.Limits(4, 2, 1, 3, 0)).build();
        assertThat(view.findings().rows()).hasSize(4);
        assertThat(view.findings().truncatedNote()).startsWith("This table shows the first 4 of 11 open findings.");
        assertThat(view.servers().cards()).hasSize(2);
        assertThat(view.servers().truncated()).isTrue();
        assertThat(view.top()).hasSize(3);
        assertThat(view.spotlight()).isEmpty();
        assertThat(view.spotlightTruncated()).isEqualTo("The first 0 of 1 such servers are told here; the "
                + "findings table lists them all under the rules threat-cryptomining and risk-forgotten-database.");
        assertThat(view.entries()).hasSize(12);
    }

    @Test
    void suppressedFindingsKeepTheirJustificationAndExpiredOnesAreListed() {
        ReportView.SuppressedSection suppressed = view(ReportFixtures.demo("en")).suppressed();
        assertThat(suppressed.rows()).singleElement().satisfies(row -> {
            assertThat(row.ruleId()).isEqualTo("legacy-os");
            assertThat(row.suppression().justification()).isEqualTo("Migration to Azure SQL planned for Q1 (CHG-4411)");
            assertThat(row.suppression().expires()).isEqualTo("2027-03-31");
        });
        assertThat(suppressed.expired()).singleElement()
                .satisfies(e -> assertThat(e.expired()).isEqualTo("2026-01-31"));
    }

    @Test
    void unknownFactsReadAsUnknownNeverAsFine() {
        ReportView view = view(ReportFixtures.demo("en"));
        ServerCard billing = view.serverCards().stream().map(ReportView.ServerEntry::card)
                .filter(c -> c.name().equals("billing-pg")).findFirst().orElseThrow();
        assertThat(billing.facts()).contains(new Fact("Operating system", "unknown"), new Fact("Monitoring agent", "unknown"),
                new Fact("CPU use", "unknown"), new Fact("Publicly accessible", "no"));
        FindingRow row = view.entries().stream().filter(e -> e.finding().ruleId().equals("audit-incomplete"))
                .findFirst().orElseThrow().row();
        assertThat(row.owner()).isEqualTo("—");
        assertThat(row.unverified()).isTrue();
    }

    @Test
    void severityCountsLeaveSuppressedFindingsOut() {
        AuditReport report = ReportFixtures.demo("en");
        List<ReportView.SeverityCount> counts = view(report).severityCounts();
        assertThat(counts).extracting(ReportView.SeverityCount::value).containsExactly(5L, 3L, 2L, 1L, 0L);
        assertThat(report.result().findings().stream().filter(f -> f.severity() == Severity.CRITICAL).count())
                .as("critical findings, the suppressed one included").isEqualTo(6L);
    }
}
