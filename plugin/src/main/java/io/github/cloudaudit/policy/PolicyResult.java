package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.rules.RuleTexts;
import io.github.cloudaudit.text.Text;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * @param findings       every finding, suppressed ones marked
 * @param failing        unsuppressed findings at or above the threshold that count (new ones, with a baseline)
 * @param expired        suppressions past their expiry, which no longer apply
 * @param failOnSeverity the threshold, null for never
 * @param unused         suppressions in force that matched no finding: stale entries to remove
 * @param gates          other reasons the verdict fails, one sentence each (maxFindings, incomplete audit, ...), in
 *                       the rules' bundles so that every report tells them in its language
 * @param baseline       the findings against the baseline: new, existing and fixed
 */
public record PolicyResult(List<Finding> findings, List<Finding> failing, List<Suppression> expired,
                           Severity failOnSeverity, List<Suppression> unused, List<Text> gates,
                           BaselineComparison baseline) {

    public PolicyResult {
        findings = List.copyOf(findings);
        failing = List.copyOf(failing);
        expired = List.copyOf(expired);
        unused = List.copyOf(unused);
        gates = List.copyOf(gates);
    }

    /** A result decided by the threshold alone, without a baseline. */
    public PolicyResult(List<Finding> findings, List<Finding> failing, List<Suppression> expired,
                        Severity failOnSeverity) {
        this(findings, failing, expired, failOnSeverity, List.of(), List.of(), BaselineComparison.NONE);
    }

    public boolean passed() {
        return failing.isEmpty() && gates.isEmpty();
    }

    /** The gates that fail the verdict, in English, for the build log. */
    public List<String> violations() {
        return gates.stream().map(gate -> RuleTexts.render("en", gate)).toList();
    }

    /** Unsuppressed findings counted by severity, every severity present. */
    public Map<Severity, Long> countsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0L);
        }
        findings.stream().filter(f -> !f.suppressed()).forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return counts;
    }

    public long suppressedCount() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    /** Unsuppressed findings the baseline does not hold; all unsuppressed findings without a baseline. */
    public List<Finding> newFindings() {
        return findings.stream().filter(f -> !f.suppressed() && baseline.isNew(f)).toList();
    }
}
