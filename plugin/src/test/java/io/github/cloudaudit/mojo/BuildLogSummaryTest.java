package io.github.cloudaudit.mojo;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.policy.Baseline;
import io.github.cloudaudit.policy.BaselineEntry;
import io.github.cloudaudit.policy.Gates;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return summary(findings, gaps, sources, new Policy(threshold, List.of(), AUDIT_DATE));
    }

    private static BuildLogSummary summary(List<Finding> findings, List<CoverageGap> gaps, List<SourceFile> sources,
                                           Policy policy) {
        List<Server> servers = findings.stream().map(Finding::resourceId).distinct()
                .map(id -> Server.builder().provider(Provider.AWS).account("123456789012").region("eu-north-1")
                        .id(id).name("name-" + id).tags(id.equals("i-owned") ? Map.of("owner", "team-db") : Map.of())
                        .build()).toList();
        Inventory inventory = new Inventory(servers, List.of(), List.of(), gaps, sources);
        AuditContext context = AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults());
        var result = policy.apply(findings);
        AuditMetadata metadata = new AuditMetadata(AUDIT_DATE, "1.0", Instant.now(), Duration.ZERO, "HIGH",
                List.of("inventory.json"), "en");
        return new BuildLogSummary(new AuditReport(metadata,
                RuleEngine.withBuiltInRules().rules().stream().map(Rule::metadata).toList(),
                servers.stream().map(context::profile).toList(), result, inventory),
                List.of(Path.of("target/cloud-audit/report.html")));
    }

    @Test
    void theLogEndsWithOneSummaryLine() {
        List<String> lines = summary(List.of(finding("legacy-os", Severity.MEDIUM, "i-1")), List.of(), List.of()).lines();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("Cloud audit PASSED: 1 servers audited")
                .contains("findings: 0 critical, 0 high, 1 medium, 0 low, 0 info")
                .contains("0 suppressed")
                .endsWith("reports: target/cloud-audit/report.html");
        assertThat(lines).anyMatch(l -> l.contains("legacy-os") && l.contains("name-i-1 (i-1), owner none"));
    }

    @Test
    void topFindingsAreOneLinePerServerMostAtRiskFirst() {
        Finding mining = new Finding("threat-cryptomining", Severity.CRITICAL, Provider.AWS, "123456789012",
                "eu-north-1", "i-mined", "name-i-mined", "GuardDuty reports cryptocurrency mining on name-i-mined. "
                + "First treat it as a security incident now.", List.of(), true, Origin.file("inventory.json"), List.of(), null);
        List<String> lines = summary(List.of(
                finding("db-exposed", Severity.CRITICAL, "i-owned"),
                finding("legacy-os", Severity.CRITICAL, "i-owned"),
                finding("monitoring-no-cpu-alarm", Severity.HIGH, "i-mined"),
                mining), List.of(), List.of(), (Severity) null).lines();

        assertThat(lines).containsSubsequence(
                "Top findings, most at risk first (2 server(s) with open findings; the report tells each in full):",
                "  CRITICAL threat-cryptomining            name-i-mined (i-mined), owner none, risk 53/100: "
                        + "GuardDuty reports cryptocurrency mining on name-i-mined.",
                "  CRITICAL db-exposed                     name-i-owned (i-owned), owner team-db, risk 18/100: "
                        + "what is wrong with i-owned");
        assertThat(lines).filteredOn(l -> l.contains("i-owned")).hasSize(1);
    }

    @Test
    void withABaselineOnlyServersWithNewFindingsAreListed() {
        Finding known = finding("db-exposed", Severity.CRITICAL, "i-known");
        Baseline baseline = new Baseline("baseline.json", List.of(BaselineEntry.of(known)));
        List<String> lines = summary(List.of(known, finding("legacy-os", Severity.HIGH, "i-new")), List.of(), List.of(),
                new Policy(Severity.HIGH, List.of(), AUDIT_DATE, Gates.DEFAULTS, baseline)).lines();

        assertThat(lines).contains("Top new findings (not in the baseline), most at risk first (1 server(s) with open "
                + "findings; the report tells each in full):");
        assertThat(lines).anyMatch(l -> l.contains("(i-new)")).noneMatch(l -> l.contains("(i-known)"));
    }

    @Test
    void anAuditOfZeroServersSaysSoBeforeItsVerdict() {
        List<String> lines = summary(List.of(), List.of(), List.of(new SourceFile("none.json", "aws-cli", null))).lines();

        assertThat(lines).containsSubsequence("0 servers were audited: the inventory that was read lists no servers",
                lines.get(lines.size() - 1));
    }

    @Test
    void withoutAThresholdTheSummaryDoesNotClaimAPass() {
        List<String> lines = summary(List.of(finding("risk-forgotten-database", Severity.CRITICAL, "i-1")), List.of(),
                List.of(), (Severity) null).lines();
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
