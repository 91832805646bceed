package io.github.cloudaudit.report;

import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.rules.ServerProfile;

import java.util.List;

/**
 * The one model every reporter renders: run metadata, the rule catalogue, every server with its derived facts,
 * the findings with the policy's verdict, and the inventory's coverage (sources read and skipped, gaps).
 */
public record AuditReport(AuditMetadata metadata, List<RuleMetadata> rules, List<ServerProfile> resources,
                          PolicyResult result, Inventory inventory) {

    public AuditReport {
        rules = List.copyOf(rules);
        resources = List.copyOf(resources);
    }

    /** True when something could not be read or collected: the audit must not be taken as complete. */
    public boolean incomplete() {
        return !inventory.gaps().isEmpty()
                || result.findings().stream().anyMatch(f -> f.ruleId().equals(AuditIncompleteRule.METADATA.id()));
    }
}
