package io.github.cloudaudit.mojo;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.policy.BaselineComparison;
import io.github.cloudaudit.policy.BaselineEntry;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.RiskRanking;
import io.github.cloudaudit.text.SafeText;
import io.github.cloudaudit.rules.ServerProfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What the build log says about an audit: top findings, the verdict, and a one-line summary last. */
final class BuildLogSummary {

    private static final int LISTED = 10;
    private static final int SHORT_MESSAGE = 140;

    private final AuditReport report;
    private final List<Path> written;

    BuildLogSummary(AuditReport report, List<Path> written) {
        this.report = report;
        this.written = written;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        PolicyResult result = report.result();
        // One line per server with a new finding, most at risk first. Without a baseline every open finding is new,
        // so each server with one is listed without looking up which server each of the findings is about.
        Predicate<ServerProfile> withNew = result.baseline().used() ? serversWithNewFindings()::contains : p -> true;
        List<RiskRanking.ServerRisk> atRisk = report.ranking().stream()
                .filter(r -> r.headline() != null && withNew.test(r.profile())).toList();
        if (!atRisk.isEmpty()) {
            lines.add((result.baseline().used() ? "Top new findings (not in the baseline)" : "Top findings")
                    + ", most at risk first (" + atRisk.size()
                    + " server(s) with open findings; the report tells each in full):");
            atRisk.stream().limit(LISTED).forEach(risk -> lines.add("  " + topLine(risk)));
        }
        if (!result.baseline().fixed().isEmpty()) {
            lines.add("Fixed since the baseline (" + result.baseline().fixed().size() + "):");
            result.baseline().fixed().stream().limit(LISTED).forEach(e -> lines.add("  " + describe(e)));
        }
        long skipped = report.inventory().sources().stream().filter(s -> s.skipped() != null).count();
        if (skipped > 0) {
            lines.add(skipped + " file(s) skipped as not inventory; they are listed in the reports");
        }
        if (report.resources().isEmpty()) {
            lines.add("0 servers were audited: the inventory that was read lists no servers");
        }
        if (report.incomplete()) {
            lines.add("The audit is INCOMPLETE: " + report.inventory().gaps().size()
                    + " coverage gap(s); see audit-incomplete findings");
        }
        lines.add(summaryLine());
        return lines;
    }

    private Set<ServerProfile> serversWithNewFindings() {
        Set<ServerProfile> withNew = Collections.newSetFromMap(new IdentityHashMap<>());
        report.result().newFindings().stream().map(report::resource).filter(Objects::nonNull).forEach(withNew::add);
        return withNew;
    }

    /** Severity, rule, server, owner and the first sentence of the server's most telling finding. */
    private static String topLine(RiskRanking.ServerRisk risk) {
        Finding finding = risk.headline();
        Server server = risk.profile().server();
        String resource = server.name() == null || server.name().equals(server.id()) ? SafeText.line(server.id())
                : SafeText.line(server.name()) + " (" + SafeText.line(server.id()) + ")";
        // Names, ids and owners come from the inventory: capped and neutralized, so the line stays one short line.
        return SafeText.neutralize(String.format("%-8s %-30s %s, owner %s, risk %d/100: %s", finding.severity(),
                finding.ruleId(), resource, risk.profile().owner() == null ? "none" : SafeText.line(risk.profile().owner()),
                risk.score(), firstSentence(finding.message())));
    }

    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        String sentence = end < 0 ? message : message.substring(0, end + 1);
        return sentence.length() <= SHORT_MESSAGE ? sentence : sentence.substring(0, SHORT_MESSAGE - 3) + "...";
    }

    String summaryLine() {
        long databases = report.resources().stream().filter(ServerProfile::hostsDatabase).count();
        return String.format("Cloud audit %s%s: %d servers audited (%d host databases); findings: %s; %d suppressed%s; reports: %s",
                verdict(), report.incomplete() ? " but INCOMPLETE" : "",
                report.resources().size(), databases,
                AuditMojo.countsLine(report.result().countsBySeverity()),
                report.result().suppressedCount(), baselineCounts(),
                written.isEmpty() ? "none" : written.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    private String baselineCounts() {
        BaselineComparison baseline = report.result().baseline();
        if (!baseline.used()) {
            return "";
        }
        long all = report.result().findings().stream().filter(f -> !f.suppressed()).count();
        long fresh = report.result().newFindings().size();
        return "; baseline: " + fresh + " new, " + (all - fresh) + " existing, " + baseline.fixed().size() + " fixed";
    }

    /** With no threshold nothing can fail, and "passed" would read as an all-clear it is not. */
    private String verdict() {
        if (report.result().failOnSeverity() == null) {
            return "DONE (cloudaudit.failOnSeverity=NONE: findings do not fail the build)";
        }
        return report.result().passed() ? "PASSED" : "FAILED";
    }

    String failureMessage(int shown) {
        PolicyResult result = report.result();
        List<Finding> failing = result.failing();
        String kind = result.baseline().used() ? "new unsuppressed" : "unsuppressed";
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder("Cloud audit failed:");
        if (!failing.isEmpty()) {
            message.append(' ').append(failing.size()).append(' ').append(kind).append(" finding(s) at or above ")
                    .append(result.failOnSeverity()).append(" (")
                    .append(failing.stream().collect(Collectors.groupingBy(Finding::severity, TreeMap::new,
                                    Collectors.counting())).entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                    .append(").");
        }
        result.violations().forEach(v -> message.append(nl).append("  ").append(v));
        if (!failing.isEmpty()) {
            message.append(nl).append(result.baseline().used() ? "New findings:" : "Worst findings:");
            failing.stream().limit(shown).forEach(f -> message.append(nl).append("  ").append(AuditMojo.describe(f)));
            if (failing.size() > shown) {
                message.append(nl).append("  ... and ").append(failing.size() - shown).append(" more");
            }
        }
        if (!written.isEmpty()) {
            message.append(nl).append("Full report: ").append(written.get(0));
        }
        message.append(nl).append("Fix them, suppress them with a justification (suppressions), accept today's "
                + "findings with the baseline goal, or change failOnSeverity.");
        return message.toString();
    }

    private static String describe(BaselineEntry entry) {
        return SafeText.neutralize(String.format("%-8s %-30s %s [%s %s]", entry.severity(), entry.rule(),
                entry.resource(), entry.provider(), entry.account()));
    }
}
