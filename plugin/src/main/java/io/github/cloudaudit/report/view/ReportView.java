package io.github.cloudaudit.report.view;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.rules.ServerProfile;

import java.util.List;
import java.util.Map;

/**
 * The one view model of an audit that the templates render: every text in the report's language, every count
 * computed, nothing left for a template to decide. Built by {@link ReportViewBuilder}.
 *
 * @param lang       language tag for {@code <html lang>}
 * @param msg        the message bundle as nested maps ({@code {{msg.verdict.title}}})
 * @param spotlightTruncated says how many forgotten databases the spotlight leaves out, null when none
 * @param entries    every finding in report order (worst first) with its row and server, for data exports
 * @param serverCards every server in report order (worst first), for data exports
 */
public record ReportView(String lang, Map<String, Object> msg, String title, String subtitle, Verdict verdict,
                         boolean incomplete, RiskSummary risk, List<Story> spotlight, String spotlightTruncated,
                         boolean spotlightEmpty,
                         List<SeverityCount> severityCounts, Coverage coverage, FindingsTable findings,
                         ServerList servers, SuppressedSection suppressed, About about, List<FindingRow> top,
                         List<Entry> entries, List<ServerEntry> serverCards) {

    public boolean hasTop() {
        return !top.isEmpty();
    }

    /** Pass or fail against the threshold, in one line and a sentence. */
    public record Verdict(String key, String headline, String detail) {
    }

    public record RiskSummary(String sentence, List<Stat> stats) {
    }

    /** A big number with its label; {@code alert} marks numbers that should be zero. */
    public record Stat(String value, String label, boolean alert) {
    }

    /** A forgotten database told as a short story for a manager. */
    public record Story(String title, String resourceId, String severityKey, String severityLabel,
                        boolean suppressed, List<Fact> facts, String why, String firstStep) {
    }

    public record SeverityCount(String key, String label, String count, long value) {
    }

    /** What was audited and what could not be. */
    /**
     * @param unknowns        what rules could not verify, grouped by scope and input instead of repeated per server
     * @param miningUnchecked said once when no server has CPU statistics, null otherwise
     */
    public record Coverage(String statement, boolean complete, String completeness, List<Fact> read,
                           List<Fact> skipped, List<Gap> gaps, List<String> incompleteFindings,
                           List<Unknown> unknowns, String miningUnchecked) {

        public boolean hasUnknowns() {
            return !unknowns.isEmpty();
        }

        public boolean hasRead() {
            return !read.isEmpty();
        }

        public boolean hasSkipped() {
            return !skipped.isEmpty();
        }

        public boolean hasGaps() {
            return !gaps.isEmpty();
        }

        public boolean hasIncompleteFindings() {
            return !incompleteFindings.isEmpty();
        }
    }

    public record Gap(String where, String what, String reason) {
    }

    /** Servers of one scope whose rule could not decide for lack of the same input. */
    public record Unknown(String where, String what, String settledBy) {
    }

    /**
     * The findings table as rendered without JavaScript: the first rows, a note when more exist, and a row with empty
     * values that scripts clone to show the rest.
     */
    public record FindingsTable(String total, boolean truncated, String truncatedNote, List<FindingRow> rows,
                                FindingRow blankRow) {
    }

    public record ServerList(String total, boolean truncated, String truncatedNote, List<ServerCard> cards,
                             ServerCard blankCard) {
    }

    public record SuppressedSection(String count, boolean any, List<FindingRow> rows, boolean truncated,
                                    String truncatedNote, List<Expired> expired, List<Expired> unused,
                                    BaselineNote baseline) {

        public boolean anyExpired() {
            return !expired.isEmpty();
        }

        public boolean anyUnused() {
            return !unused.isEmpty();
        }
    }

    /**
     * Findings against the baseline, kept apart: new ones (which count), existing ones (accepted) and fixed ones.
     * Null without a baseline.
     */
    public record BaselineNote(String counts, List<BaselineLine> fresh, List<BaselineLine> existing,
                               List<BaselineLine> fixed) {
    }

    /** One finding in the baseline note. */
    public record BaselineLine(String severityKey, String severityLabel, String ruleId, String resource) {
    }

    /** A suppression past its expiry date, which no longer hides anything. */
    public record Expired(String rule, String resource, String justification, String expired, String origin) {
    }

    public record About(List<Fact> facts, List<String> inputs, List<RuleLine> rules, String configuration) {
    }

    public record RuleLine(String id, String title, String category, String severityKey, String severityLabel) {
    }

    /** A finding with its row and the server it is about (null when none). */
    public record Entry(Finding finding, FindingRow row, ServerProfile server) {
    }

    /** A server with its card and its position in {@link #serverCards}. */
    public record ServerEntry(ServerProfile profile, ServerCard card) {
    }
}
