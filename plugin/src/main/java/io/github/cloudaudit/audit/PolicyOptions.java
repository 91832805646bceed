package io.github.cloudaudit.audit;

import io.github.cloudaudit.policy.Gates;
import io.github.cloudaudit.policy.RuleOverride;

import java.nio.file.Path;
import java.util.Map;

/**
 * How findings are judged after the rules ran, beyond the threshold and the suppressions.
 *
 * @param ruleOverrides per rule: enabled, severity, scope; rules not named keep their own judgement
 * @param baselineFile  the accepted findings, null for none
 * @param gates         what else fails the verdict
 */
public record PolicyOptions(Map<String, RuleOverride> ruleOverrides, Path baselineFile, Gates gates) {

    public PolicyOptions {
        ruleOverrides = Map.copyOf(ruleOverrides);
    }
}
