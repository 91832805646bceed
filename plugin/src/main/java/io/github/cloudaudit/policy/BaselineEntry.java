package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;

/**
 * One accepted finding in a baseline: its fingerprint (rule, provider, account and resource; never a position or a
 * message, which change between runs) and enough words to recognize it when it is listed as fixed.
 */
public record BaselineEntry(String fingerprint, String rule, String provider, String account, String resource,
                            String severity) {

    public static BaselineEntry of(Finding finding) {
        return new BaselineEntry(finding.fingerprint(), finding.ruleId(),
                finding.provider() == null ? null : finding.provider().name().toLowerCase(java.util.Locale.ROOT),
                finding.account(), finding.resourceId(), finding.severity().name());
    }
}
