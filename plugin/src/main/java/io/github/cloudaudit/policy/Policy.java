package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides what the findings mean for the build: which are suppressed, which suppressions have expired,
 * and whether anything unsuppressed reaches the failure threshold.
 *
 * @param failOnSeverity the threshold; null means never fail ({@code NONE})
 */
public record Policy(Severity failOnSeverity, List<Suppression> suppressions, LocalDate auditDate) {

    public PolicyResult apply(List<Finding> findings) {
        // Each glob is compiled once here, not once per finding it is tried on.
        List<ActiveSuppression> active = suppressions.stream().filter(s -> !s.expiredOn(auditDate))
                .map(ActiveSuppression::new).toList();
        List<Finding> marked = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            marked.add(active.stream()
                    .filter(s -> s.matches(finding))
                    .findFirst()
                    .map(s -> finding.withSuppression(s.suppression()))
                    .orElse(finding));
        }
        List<Suppression> expired = suppressions.stream().filter(s -> s.expiredOn(auditDate)).toList();
        List<Finding> failing = failOnSeverity == null ? List.of()
                : marked.stream().filter(f -> !f.suppressed() && f.severity().atLeast(failOnSeverity)).toList();
        return new PolicyResult(marked, failing, expired, failOnSeverity);
    }

    /** A suppression still in force, with its rule and resource globs. */
    private record ActiveSuppression(Suppression suppression, Glob rule, Glob resource) {

        ActiveSuppression(Suppression suppression) {
            this(suppression, Glob.of(suppression.rule()), Glob.of(suppression.resource()));
        }

        boolean matches(Finding finding) {
            return rule.matches(finding.ruleId())
                    && (matchesText(finding.resourceId()) || matchesText(finding.resourceName()));
        }

        private boolean matchesText(String value) {
            return value != null && resource.matches(value);
        }
    }

    /** Parses {@code failOnSeverity}: a severity, or NONE to never fail. */
    public static Severity threshold(String text) {
        return "NONE".equals(text.trim().toUpperCase(Locale.ROOT)) ? null : Severity.parse(text);
    }
}
