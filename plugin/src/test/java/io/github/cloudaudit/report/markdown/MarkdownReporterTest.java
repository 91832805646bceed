package io.github.cloudaudit.report.markdown;

import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.SyntheticAudit;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.ReportView;
import io.github.cloudaudit.report.view.ReportViewBuilder;
import io.github.cloudaudit.report.view.TemplateSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReporterTest {

    @TempDir
    Path output;

    @Test
    void summarisesVerdictCountsForgottenDatabasesAndCoverage() throws IOException {
        String summary = Files.readString(new MarkdownReporter(name -> null).write(ReportFixtures.demo("en"), output));

        assertThat(summary).startsWith("## Database server audit: Audit of November 23, 2026\n")
                .contains("Of 5 servers audited, 3 host databases. Of those, 3 run software past its end of support, "
                        + "1 looks orphaned and 1 is not watched.")
                .contains("**Failed: 8 open findings at or above High need action**. 12 findings in total: 11 open, 1 suppressed.")
                .contains("> **The audit is incomplete.**")
                .contains("| Critical | 5 |", "| Info | 0 |")
                .contains("### Servers to deal with first", "- **legacy-crm-db** (Critical): A MySQL 5.6 database")
                .contains("  - Who owns it: Nobody: the server carries no owner tag")
                .contains("| Critical | legacy-crm-db i-0a1b2c3d4e5f60001 | legacy-os | Ubuntu 14.04 reached")
                .contains("…and 1 more open finding in report.html.")
                .contains("- Files skipped: notes/README.md (not an inventory file: no known format matched)");
        long tableRows = summary.lines().filter(l -> l.startsWith("| ") && l.contains(" | ")).count();
        assertThat(tableRows).as("header and separator, then rows").isEqualTo(2 + 5 + 2 + 10);
    }

    @Test
    void theCoverageListsUnknownsOncePerScopeAndTheUncheckedMiningSignature() throws IOException {
        String summary = Files.readString(new MarkdownReporter(name -> null)
                .write(ReportFixtures.unknowns("en", "eu-north-1", "eu-north-1"), output));

        assertThat(summary).contains("- What could not be verified: AWS account 111122223333, region eu-north-1, "
                        + "2 servers: could not check \u201cNo alarm watches the server's CPU\u201d (Input that would "
                        + "settle it: aws cloudwatch describe-alarms)",
                "- No CPU statistics were provided for any server, so the signature of cryptomining");
    }

    @Test
    void escapesCellsSoInventoryTextCannotBreakTheTable() {
        assertThat(MarkdownText.escape("a|b\nc\r\nd <img src=x> *e* [f](g)"))
                .isEqualTo("a\\|b c d \\<img src=x\\> \\*e\\* \\[f\\](g)");
    }

    @Test
    void hostileNamesStayInTheirCell() throws IOException {
        String summary = Files.readString(new MarkdownReporter(name -> null).write(ReportFixtures.hostile("en"), output));
        assertThat(summary).doesNotContain("<script>", "</script>")
                .contains("| Critical | \\</script\\>\\<script\\>window.pwned=1\\</script\\> i-0a1b2c3d4e5f60001 | legacy-os |");
    }

    @Test
    void appendsToTheGitHubStepSummaryWhenSet() throws IOException {
        Path stepSummary = output.resolve("step-summary.md");
        Files.writeString(stepSummary, "earlier step\n");
        MarkdownReporter reporter = new MarkdownReporter(Map.of(MarkdownReporter.STEP_SUMMARY, stepSummary.toString())::get);

        String written = Files.readString(reporter.write(ReportFixtures.clean("en", Severity.HIGH), output));

        assertThat(Files.readString(stepSummary)).isEqualTo("earlier step\n" + written + "\n");
        assertThat(written).contains("**Passed: no open finding at or above High**", "No server shows evidence of compromise, and no forgotten databases were found.",
                "No open findings.").doesNotContain("| --- | --- |");
    }

    @Test
    void aSummaryOverItsByteBudgetIsCutAfterAWholeLineAndSaysSo() throws IOException {
        Path stepSummary = output.resolve("step-summary.md");
        MarkdownReporter reporter = new MarkdownReporter(Map.of(MarkdownReporter.STEP_SUMMARY, stepSummary.toString())::get);
        AuditReport large = SyntheticAudit.withFindings(2_000, "en");
        String whole = Files.readString(new MarkdownReporter(name -> null).write(large, output));
        int budget = ReportOptions.MINIMUM_MARKDOWN_MAX_BYTES;
        assertThat(whole.getBytes(StandardCharsets.UTF_8).length).as("it needs cutting").isGreaterThan(budget);

        Path file = reporter.write(large, output, new ReportOptions(null, 10, 10, budget, false));

        byte[] cut = Files.readAllBytes(file);
        assertThat(cut.length).isLessThanOrEqualTo(budget);
        String text = new String(cut, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n> The summary stops here, cut to 4 KB to fit a CI page; report.html and "
                + "findings.json have everything.\n");
        String kept = text.substring(0, text.lastIndexOf("\n> The summary stops here"));
        assertThat(whole).startsWith(kept);
        assertThat(kept).as("cut after a whole line").endsWith("\n").contains("**");
        assertThat(Files.readString(stepSummary)).isEqualTo(text + "\n");
    }

    @Test
    void theSummaryOfALargeAuditListsTheTopFindingsInRankingOrderAndCountsEveryFinding() throws IOException {
        AuditReport large = SyntheticAudit.withFindings(50_000, "en");
        Messages messages = Messages.load(TemplateSource.withOverrides(null), "en");
        ReportView full = new ReportViewBuilder(large, messages, ReportViewBuilder.Limits.DEFAULT).build();
        ReportView summary = new ReportViewBuilder(large, messages, ReportViewBuilder.Limits.DEFAULT).summary();
        long open = large.result().findings().stream().filter(f -> !f.suppressed()).count();

        assertThat(summary.top()).hasSize(10).isEqualTo(full.top())
                .isEqualTo(full.entries().stream().filter(e -> !e.finding().suppressed()).limit(10)
                        .map(ReportView.Entry::row).toList());
        assertThat(summary.verdict()).isEqualTo(full.verdict());
        assertThat(summary.verdict().detail()).contains(String.format(Locale.ENGLISH, "%,d findings in total", large.result().findings().size()));
        assertThat(summary.risk()).isEqualTo(full.risk());
        assertThat(summary.spotlight()).isNotEmpty().isEqualTo(full.spotlight());
        assertThat(summary.spotlightTruncated()).isEqualTo(full.spotlightTruncated());
        assertThat(summary.findings()).isEqualTo(full.findings());
        assertThat(summary.suppressed()).isEqualTo(full.suppressed());
        assertThat(summary.coverage()).isEqualTo(full.coverage());

        String written = Files.readString(new MarkdownReporter(name -> null)
                .write(large, output, new ReportOptions(null, 10, 10, 1024 * 1024, false)));
        List<String> rows = written.lines().filter(l -> l.startsWith("| ") && l.split(" \\| ").length == 4)
                .skip(2).toList();
        assertThat(rows).containsExactlyElementsOf(summary.top().stream().map(r -> "| " + r.severityLabel() + " | "
                + MarkdownText.escape(r.resourceName() == null ? r.resourceId() : r.resourceName() + " " + r.resourceId())
                + " | " + r.ruleId() + " | " + MarkdownText.escape(r.message()) + " |").toList());
        assertThat(written).contains(String.format(Locale.ENGLISH, "…and %,d more open findings in report.html.", open - 10));
    }

    @Test
    void saysWhatIsNewExistingAndFixedAgainstTheBaseline() throws IOException {
        AuditReport report = ReportFixtures.baselined("en");
        String summary = Files.readString(new MarkdownReporter(name -> null).write(report, output));

        assertThat(summary).contains("**Against the baseline:** " + report.result().newFindings().size()
                + " new, 2 existing, 1 fixed.", "- Fixed since the baseline: legacy-os i-0gone");
        assertThat(Files.readString(new MarkdownReporter(name -> null).write(ReportFixtures.demo("en"), output)))
                .doesNotContain("baseline");
    }

    @Test
    void writesNorwegian() throws IOException {
        String summary = Files.readString(new MarkdownReporter(name -> null).write(ReportFixtures.demo("nb"), output));
        assertThat(summary).contains("**Ikke bestått: 8 åpne funn på nivå Høy eller høyere må følges opp**",
                "### Servere som må tas først", "| Kritisk | 5 |");
    }

    @Test
    void theNorwegianSummaryOfTheBundledDemoTellsItsFindingsAndGatesInNorwegian() throws IOException {
        AuditReport report = ReportFixtures.bundledDemo("nb");
        String summary = Files.readString(new MarkdownReporter(name -> null).write(report, output));

        assertThat(summary).contains("revisjonen er ufullstendig: den kunne ikke se alt (failOnIncompleteAudit)",
                "GuardDuty rapporterer utvinning av kryptovaluta på crm-legacy-db-01",
                "ikke et kjent inventarformat");
        assertThat(report.result().findings()).allSatisfy(f -> assertThat(summary)
                .doesNotContain(MarkdownText.escape(f.message())));
        assertThat(summary).doesNotContain("reports cryptocurrency mining", "could not see everything",
                "not a recognized inventory format");
    }
}
