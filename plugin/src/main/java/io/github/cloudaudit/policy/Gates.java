package io.github.cloudaudit.policy;

/**
 * What fails the verdict besides findings at or above {@code failOnSeverity}. None of them applies when
 * {@code failOnSeverity} is NONE, which promises a build that never fails on the audit.
 *
 * @param maxFindings               more counted findings than this fail (new ones, with a baseline); null for no limit
 * @param failOnIncompleteAudit     an audit that could not see everything fails; when false, its audit-incomplete
 *                                  findings are reported but do not count
 * @param failOnExpiredSuppressions an expired suppression fails instead of being a warning
 */
public record Gates(Integer maxFindings, boolean failOnIncompleteAudit, boolean failOnExpiredSuppressions) {

    public static final Gates DEFAULTS = new Gates(null, true, false);
}
