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
public final class AuditReport {

    private final AuditMetadata metadata;
    private final List<RuleMetadata> rules;
    private final List<ServerProfile> resources;
    private final PolicyResult result;
    private final Inventory inventory;
    private List<RiskRanking.ServerRisk> ranking;

    public AuditReport(AuditMetadata metadata, List<RuleMetadata> rules, List<ServerProfile> resources,
                       PolicyResult result, Inventory inventory) {
        this.metadata = metadata;
        this.rules = List.copyOf(rules);
        this.resources = List.copyOf(resources);
        this.result = result;
        this.inventory = inventory;
    }

    public AuditMetadata metadata() { return metadata; }
    public List<RuleMetadata> rules() { return rules; }
    public List<ServerProfile> resources() { return resources; }
    public PolicyResult result() { return result; }
    public Inventory inventory() { return inventory; }

    /**
     * Every server, most at risk first ({@link RiskRanking}). Each output and the build log follow this order; it is
     * worked out once per report, as ranking 100,000 servers costs about as much as writing one of the outputs.
     */
    public synchronized List<RiskRanking.ServerRisk> ranking() {
        if (ranking == null) {
            ranking = RiskRanking.of(this);
        }
        return ranking;
    }

    /** True when something could not be read or collected: the audit must not be taken as complete. */
    public boolean incomplete() {
        return !inventory.gaps().isEmpty()
                || result.findings().stream().anyMatch(f -> f.ruleId().equals(AuditIncompleteRule.METADATA.id()));
    }
}
