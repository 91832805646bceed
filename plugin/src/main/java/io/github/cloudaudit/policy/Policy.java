package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.text.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides what the findings mean for the build: which are suppressed, which suppressions have expired or matched
 * nothing, which findings are new against the baseline, and whether anything that counts fails the verdict.
 *
 * @param failOnSeverity the threshold; null means never fail ({@code NONE})
 * @param gates          what else fails the verdict
 * @param baseline       the accepted findings, {@link Baseline#NONE} for none
 */
public record Policy(Severity failOnSeverity, List<Suppression> suppressions, LocalDate auditDate, Gates gates,
                     Baseline baseline) {

    public Policy(Severity failOnSeverity, List<Suppression> suppressions, LocalDate auditDate) {
        this(failOnSeverity, suppressions, auditDate, Gates.DEFAULTS, Baseline.NONE);
    }

    /** Findings without tags to match, of an audit that saw everything. */
    public PolicyResult apply(List<Finding> findings) {
        return apply(findings, f -> Map.of(), false);
    }

    /**
     * @param tagsOf     the tags of a finding's resource, for suppressions that match by tag
     * @param incomplete whether the audit could not see everything
     */
    public PolicyResult apply(List<Finding> findings, Function<Finding, Map<String, String>> tagsOf,
                              boolean incomplete) {
        // Each glob is compiled once here, not once per finding it is tried on.
        List<ActiveSuppression> active = suppressions.stream().filter(s -> !s.expiredOn(auditDate))
                .map(ActiveSuppression::new).toList();
        Set<ActiveSuppression> used = new HashSet<>();
        List<Finding> marked = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            ActiveSuppression match = firstMatching(active, finding, tagsOf);
            if (match != null) {
                used.add(match);
            }
            marked.add(match == null ? finding : finding.withSuppression(match.suppression()));
        }
        List<Suppression> expired = suppressions.stream().filter(s -> s.expiredOn(auditDate)).toList();
        List<Suppression> unused = active.stream().filter(s -> !used.contains(s)).map(ActiveSuppression::suppression)
                .toList();
        BaselineComparison comparison = BaselineComparison.of(baseline, marked);
        List<Finding> counted = marked.stream().filter(f -> !f.suppressed() && comparison.isNew(f))
                .filter(f -> gates.failOnIncompleteAudit() || !isIncompleteness(f)).toList();
        List<Finding> failing = failOnSeverity == null ? List.of()
                : counted.stream().filter(f -> f.severity().atLeast(failOnSeverity)).toList();
        return new PolicyResult(marked, failing, expired, failOnSeverity, unused, violations(counted, expired, incomplete),
                comparison);
    }

    /** A plain loop: it runs for each finding, and most audits have no suppression to try. */
    private static ActiveSuppression firstMatching(List<ActiveSuppression> active, Finding finding,
                                                   Function<Finding, Map<String, String>> tagsOf) {
        for (ActiveSuppression suppression : active) {
            if (suppression.matches(finding, tagsOf)) {
                return suppression;
            }
        }
        return null;
    }

    private List<Text> violations(List<Finding> counted, List<Suppression> expired, boolean incomplete) {
        List<Text> violations = new ArrayList<>();
        if (failOnSeverity == null) {
            return violations;
        }
        if (gates.maxFindings() != null && counted.size() > gates.maxFindings()) {
            violations.add(Text.of(baseline.present() ? "gate.maxFindings.new" : "gate.maxFindings", counted.size(),
                    gates.maxFindings()));
        }
        if (gates.failOnIncompleteAudit() && incomplete) {
            violations.add(Text.of("gate.incomplete"));
        }
        if (gates.failOnExpiredSuppressions() && !expired.isEmpty()) {
            violations.add(Text.of("gate.expiredSuppressions", expired.size()));
        }
        return violations;
    }

    private static boolean isIncompleteness(Finding finding) {
        return finding.ruleId().equals(AuditIncompleteRule.METADATA.id());
    }

    /** A suppression still in force, with its globs compiled. */
    private record ActiveSuppression(Suppression suppression, Glob rule, Glob resource,
                                     ResourceScope.Matcher scope) {

        ActiveSuppression(Suppression suppression) {
            this(suppression, Glob.of(suppression.rule()), Glob.of(suppression.resource()),
                    new ResourceScope(suppression.providers(), suppression.accounts(), suppression.regions(),
                            suppression.tags()).matcher());
        }

        boolean matches(Finding finding, Function<Finding, Map<String, String>> tagsOf) {
            return rule.matches(finding.ruleId())
                    && (matchesText(finding.resourceId()) || matchesText(finding.resourceName()))
                    && scope.matches(finding, scope.tags().isEmpty() ? Map.of() : tagsOf.apply(finding));
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
