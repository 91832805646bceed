package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what the findings mean for the build: which are suppressed, which suppressions have expired,
 * and whether anything unsuppressed reaches the failure threshold.
 *
 * @param failOnSeverity the threshold; null means never fail ({@code NONE})
 */
public record Policy(Severity failOnSeverity, List<Suppression> suppressions, LocalDate auditDate) {

    public PolicyResult apply(List<Finding> findings) {
        List<Finding> marked = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            marked.add(suppressions.stream()
                    .filter(s -> !s.expiredOn(auditDate) && matches(s, finding))
                    .findFirst()
                    .map(finding::withSuppression)
                    .orElse(finding));
        }
        List<Suppression> expired = suppressions.stream().filter(s -> s.expiredOn(auditDate)).toList();
        List<Finding> failing = failOnSeverity == null ? List.of()
                : marked.stream().filter(f -> !f.suppressed() && f.severity().atLeast(failOnSeverity)).toList();
        return new PolicyResult(marked, failing, expired, failOnSeverity);
    }

    private static boolean matches(Suppression suppression, Finding finding) {
        return glob(suppression.rule()).matcher(finding.ruleId()).matches()
                && (matchesText(suppression.resource(), finding.resourceId())
                || matchesText(suppression.resource(), finding.resourceName()));
    }

    private static boolean matchesText(String pattern, String value) {
        return value != null && glob(pattern).matcher(value).matches();
    }

    /** A glob with {@code *} and {@code ?}, matched case-insensitively against the whole value. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Parses {@code failOnSeverity}: a severity, or NONE to never fail. */
    public static Severity threshold(String text) {
        return "NONE".equals(text.trim().toUpperCase(Locale.ROOT)) ? null : Severity.parse(text);
    }
}
