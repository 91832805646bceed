package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * @param findings       every finding, suppressed ones marked
 * @param failing        unsuppressed findings at or above the threshold
 * @param expired        suppressions past their expiry, which no longer apply
 * @param failOnSeverity the threshold, null for never
 */
public record PolicyResult(List<Finding> findings, List<Finding> failing, List<Suppression> expired,
                           Severity failOnSeverity) {

    public boolean passed() {
        return failing.isEmpty();
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
}
