package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Severity;

/**
 * What the configuration says about one rule.
 *
 * @param enabled  false drops the rule's findings
 * @param severity the severity its findings are reported at (replacing the rule's own weighing), null to keep it
 * @param scope    the resources its findings count on; findings elsewhere are dropped
 */
public record RuleOverride(boolean enabled, Severity severity, ResourceScope scope) {

    public static final RuleOverride NONE = new RuleOverride(true, null, ResourceScope.EVERYWHERE);
}
