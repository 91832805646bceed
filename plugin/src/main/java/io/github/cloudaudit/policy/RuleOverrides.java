package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Applies the configuration's per-rule choices to the rules' findings: disabled, out of scope, severity. */
public final class RuleOverrides {

    private final Map<String, RuleOverride> byRule;
    private final Map<String, ResourceScope.Matcher> scopes;

    public RuleOverrides(Map<String, RuleOverride> byRule) {
        this.byRule = Map.copyOf(byRule);
        this.scopes = byRule.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().scope().matcher()));
    }

    /**
     * @param tagsOf the tags of a finding's resource, empty when it has none or is account-wide
     * @return the findings that count, in their order, with configured severities
     */
    public List<Finding> apply(List<Finding> findings, Function<Finding, Map<String, String>> tagsOf) {
        if (byRule.isEmpty()) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            RuleOverride override = byRule.getOrDefault(finding.ruleId(), RuleOverride.NONE);
            ResourceScope.Matcher scope = scopes.get(finding.ruleId());
            if (!override.enabled() || scope != null && !scope.matches(finding, tagsOf.apply(finding))) {
                continue;
            }
            kept.add(override.severity() == null ? finding : finding.withSeverity(override.severity()));
        }
        return kept;
    }
}
