package io.github.cloudaudit.mojo;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.RiskRanking;
import io.github.cloudaudit.rules.ServerProfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the build log says about an audit: top findings, the verdict, and a one-line summary last. */
final class BuildLogSummary {

    private static final int TOP = 10;
    private static final int SHORT_MESSAGE = 140;

    private final AuditReport report;
    private final List<Path> written;

    BuildLogSummary(AuditReport report, List<Path> written) {
        this.report = report;
        this.written = written;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<RiskRanking.ServerRisk> atRisk = RiskRanking.of(report).stream().filter(r -> r.headline() != null).toList();
        if (!atRisk.isEmpty()) {
            lines.add("Top findings, most at risk first (" + atRisk.size()
                    + " server(s) with open findings; the report tells each in full):");
            atRisk.stream().limit(TOP).forEach(risk -> lines.add("  " + topLine(risk)));
        }
        long skipped = report.inventory().sources().stream().filter(s -> s.skipped() != null).count();
        if (skipped > 0) {
            lines.add(skipped + " file(s) skipped as not inventory; they are listed in the reports");
        }
        if (report.incomplete()) {
            lines.add("The audit is INCOMPLETE: " + report.inventory().gaps().size()
                    + " coverage gap(s); see audit-incomplete findings");
        }
        lines.add(summaryLine());
        return lines;
    }

    /** Severity, rule, server, owner and the first sentence of the server's most telling finding. */
    private static String topLine(RiskRanking.ServerRisk risk) {
        Finding finding = risk.headline();
        Server server = risk.profile().server();
        String resource = server.name() == null || server.name().equals(server.id()) ? server.id()
                : server.name() + " (" + server.id() + ")";
        return String.format("%-8s %-30s %s, owner %s, risk %d/100: %s", finding.severity(), finding.ruleId(), resource,
                risk.profile().owner() == null ? "none" : risk.profile().owner(), risk.score(),
                firstSentence(finding.message()));
    }

    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        String sentence = end < 0 ? message : message.substring(0, end + 1);
        return sentence.length() <= SHORT_MESSAGE ? sentence : sentence.substring(0, SHORT_MESSAGE - 3) + "...";
    }

    String summaryLine() {
        long databases = report.resources().stream().filter(ServerProfile::hostsDatabase).count();
        return String.format("Cloud audit %s%s: %d servers audited (%d host databases); findings: %s; %d suppressed; reports: %s",
                verdict(), report.incomplete() ? " but INCOMPLETE" : "",
                report.resources().size(), databases,
                AuditMojo.countsLine(report.result().countsBySeverity()),
                report.result().suppressedCount(),
                written.isEmpty() ? "none" : written.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    /** With no threshold nothing can fail, and "passed" would read as an all-clear it is not. */
    private String verdict() {
        if (report.result().failOnSeverity() == null) {
            return "DONE (cloudaudit.failOnSeverity=NONE: findings do not fail the build)";
        }
        return report.result().passed() ? "PASSED" : "FAILED";
    }

    String failureMessage(int shown) {
        List<Finding> failing = report.result().failing();
        StringBuilder message = new StringBuilder();
        message.append("Cloud audit failed: ").append(failing.size()).append(" unsuppressed finding(s) at or above ")
                .append(report.result().failOnSeverity()).append(" (")
                .append(failing.stream().collect(Collectors.groupingBy(Finding::severity, java.util.TreeMap::new,
                        Collectors.counting())).entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                .append(").");
        message.append(System.lineSeparator()).append("Worst findings:");
        failing.stream().limit(shown).forEach(f -> message.append(System.lineSeparator()).append("  ").append(AuditMojo.describe(f)));
        if (failing.size() > shown) {
            message.append(System.lineSeparator()).append("  ... and ").append(failing.size() - shown).append(" more");
        }
        if (!written.isEmpty()) {
            message.append(System.lineSeparator()).append("Full report: ").append(written.get(0));
        }
        message.append(System.lineSeparator())
                .append("Fix them, suppress them with a justification (cloudaudit.suppressions), or change cloudaudit.failOnSeverity.");
        return message.toString();
    }
}
