package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.Provider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-rule choices from the configuration: disable, change the severity, narrow the scope. */
class RuleOverridesTest {

    private static final Map<String, Map<String, String>> TAGS = Map.of(
            "i-prod", Map.of("env", "production"),
            "i-test", Map.of("env", "test"));

    private static Finding finding(String rule, Provider provider, String account, String region, String id) {
        return new Finding(rule, Severity.HIGH, provider, account, region, id, null, "m", List.of(), true, Origin.file("f"),
                List.of(), null);
    }

    private static List<String> kept(Map<String, RuleOverride> overrides, List<Finding> findings) {
        return new RuleOverrides(overrides).apply(findings, f -> TAGS.getOrDefault(f.resourceId(), Map.of())).stream()
                .map(f -> f.ruleId() + " " + f.resourceId() + " " + f.severity()).toList();
    }

    private static RuleOverride scoped(ResourceScope scope) {
        return new RuleOverride(true, null, scope);
    }

    private final List<Finding> findings = List.of(
            finding("stale-server", Provider.AWS, "111122223333", "eu-north-1", "i-prod"),
            finding("stale-server", Provider.AWS, "444455556666", "us-east-1", "i-test"),
            finding("stale-server", Provider.AZURE, "sub-1", "westeurope", "vm-1"),
            finding("monitoring-no-audit-trail", Provider.AWS, "111122223333", null, "111122223333"));

    @Test
    void nothingConfiguredKeepsEverything() {
        assertThat(kept(Map.of(), findings)).hasSize(4);
    }

    @Test
    void aDisabledRuleLosesItsFindingsAndOthersKeepTheirs() {
        assertThat(kept(Map.of("stale-server", new RuleOverride(false, null, ResourceScope.EVERYWHERE)), findings))
                .containsExactly("monitoring-no-audit-trail 111122223333 HIGH");
    }

    @Test
    void aConfiguredSeverityIsTheOneReported() {
        assertThat(kept(Map.of("monitoring-no-audit-trail", new RuleOverride(true, Severity.LOW,
                ResourceScope.EVERYWHERE)), findings)).contains("monitoring-no-audit-trail 111122223333 LOW",
                "stale-server i-prod HIGH");
    }

    @Test
    void scopeByTagKeepsOnlyMatchingResourcesAndNeverAccountWideOnes() {
        ResourceScope production = new ResourceScope(List.of(), List.of(), List.of(), Map.of("ENV", "prod*"));
        assertThat(kept(Map.of("stale-server", scoped(production), "monitoring-no-audit-trail", scoped(production)),
                findings)).containsExactly("stale-server i-prod HIGH");
    }

    @Test
    void scopeByProviderAccountAndRegionUsesGlobs() {
        assertThat(kept(Map.of("stale-server", scoped(new ResourceScope(List.of("AWS"), List.of(), List.of(),
                Map.of()))), findings)).hasSize(3).noneMatch(f -> f.contains("vm-1"));
        assertThat(kept(Map.of("stale-server", scoped(new ResourceScope(List.of(), List.of("1111*", "sub-?"),
                List.of(), Map.of()))), findings)).contains("stale-server i-prod HIGH", "stale-server vm-1 HIGH")
                .noneMatch(f -> f.contains("i-test"));
        assertThat(kept(Map.of("monitoring-no-audit-trail", scoped(new ResourceScope(List.of(), List.of(),
                List.of("eu-*"), Map.of()))), findings)).as("a finding without a region is outside a region scope")
                .noneMatch(f -> f.startsWith("monitoring-no-audit-trail"));
    }
}
