package io.github.cloudaudit.mojo;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.report.AuditReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BuildLogSummaryTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);

    private static Finding finding(String rule, Severity severity, String id) {
        return new Finding(rule, severity, Provider.AWS, "123456789012", "eu-north-1", id, "name-" + id,
                "what is wrong with " + id, List.of(), true, Origin.file("inventory.json"), List.of(), null);
    }

    private static BuildLogSummary summary(List<Finding> findings, List<CoverageGap> gaps, List<SourceFile> sources) {
        return summary(findings, gaps, sources, Severity.HIGH);
    }

    private static BuildLogSummary summary(List<Finding> findings, List<CoverageGap> gaps, List<SourceFile> sources,
                                           Severity threshold) {
        Inventory inventory = new Inventory(List.of(), List.of(), List.of(), gaps, sources);
        var result = new Policy(threshold, List.of(), AUDIT_DATE).apply(findings);
        AuditMetadata metadata = new AuditMetadata(AUDIT_DATE, "1.0", Instant.now(), Duration.ZERO, "HIGH",
                List.of("inventory.json"), "en");
        return new BuildLogSummary(new AuditReport(metadata, List.of(), List.of(), result, inventory),
                List.of(Path.of("target/cloud-audit/report.html")));
    }

    @Test
    void theLogEndsWithOneSummaryLine() {
        List<String> lines = summary(List.of(finding("legacy-os", Severity.MEDIUM, "i-1")), List.of(), List.of()).lines();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("Cloud audit PASSED: 0 servers audited")
                .contains("findings: 0 critical, 0 high, 1 medium, 0 low, 0 info")
                .contains("0 suppressed")
                .endsWith("reports: target/cloud-audit/report.html");
        assertThat(lines).anyMatch(l -> l.contains("legacy-os") && l.contains("i-1 (name-i-1)"));
    }

    @Test
    void withoutAThresholdTheSummaryDoesNotClaimAPass() {
        List<String> lines = summary(List.of(finding("risk-forgotten-database", Severity.CRITICAL, "i-1")), List.of(),
                List.of(), null).lines();
        assertThat(lines.get(lines.size() - 1)).startsWith("Cloud audit DONE (cloudaudit.failOnSeverity=NONE")
                .doesNotContain("PASSED").contains("1 critical");
    }

    @Test
    void anIncompleteAuditSaysSoInTheSummaryLine() {
        List<String> lines = summary(List.of(),
                List.of(new CoverageGap(Provider.AWS, "1", "us-east-1", "ec2:DescribeInstances", "AccessDenied")),
                List.of()).lines();
        assertThat(lines.get(lines.size() - 1)).startsWith("Cloud audit PASSED but INCOMPLETE:");
    }

    @Test
    void skippedFilesAndCoverageGapsAreSaidOutLoud() {
        List<String> lines = summary(List.of(),
                List.of(new CoverageGap(Provider.AWS, "1", "us-east-1", "ec2:DescribeInstances", "AccessDenied")),
                List.of(new SourceFile("notes.txt", null, "not a recognized inventory format"))).lines();
        assertThat(lines).anyMatch(l -> l.startsWith("1 file(s) skipped"));
        assertThat(lines).anyMatch(l -> l.startsWith("The audit is INCOMPLETE: 1 coverage gap(s)"));
    }

    @Test
    void theFailureMessageCountsBySeverityAndShowsTheTenWorst() {
        List<Finding> findings = new ArrayList<>();
        findings.add(finding("risk-forgotten-database", Severity.CRITICAL, "i-crit"));
        IntStream.range(0, 12).forEach(i -> findings.add(finding("db-exposed", Severity.HIGH, "db-" + i)));
        findings.add(finding("legacy-os", Severity.MEDIUM, "i-medium"));

        String message = summary(findings, List.of(), List.of()).failureMessage(10);
        assertThat(message).startsWith("Cloud audit failed: 13 unsuppressed finding(s) at or above HIGH (1 CRITICAL, 12 HIGH).");
        assertThat(message).contains("risk-forgotten-database").contains("... and 3 more")
                .contains("Full report: target/cloud-audit/report.html")
                .doesNotContain("i-medium");
        assertThat(message.lines().filter(l -> l.startsWith("  CRITICAL") || l.startsWith("  HIGH"))).hasSize(10);
    }
}
