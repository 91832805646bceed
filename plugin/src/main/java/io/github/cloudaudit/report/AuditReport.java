package io.github.cloudaudit.report;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Place;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.rules.ServerProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    /** Every listed server by what findings name it by: indexed once, then read by reporters at the same time. */
    private final Map<Place, Listed> listed;
    /**
     * The listed server of each finding, in the order of {@link PolicyResult#findings()}, null where none: looked up
     * once here, as the ranking, findings.json and SARIF each go through every finding and a look-up by name was a
     * quarter of their time.
     */
    private final Listed[] listedByFinding;

    private record Listed(ServerProfile profile, String key) {
    }

    /** The {@link Server#key()} of each listed server, in the order of {@link #resources()}. */
    private final String[] resourceKeys;

    public AuditReport(AuditMetadata metadata, List<RuleMetadata> rules, List<ServerProfile> resources,
                       PolicyResult result, Inventory inventory) {
        this.metadata = metadata;
        this.rules = List.copyOf(rules);
        this.resources = List.copyOf(resources);
        this.result = result;
        this.inventory = inventory;
        resourceKeys = new String[this.resources.size()];
        // Made at its final size at once, rather than grown through a copy for each doubling.
        listed = new HashMap<>(resourceKeys.length * 4 / 3 + 1);
        for (int i = 0; i < resourceKeys.length; i++) {
            ServerProfile profile = this.resources.get(i);
            Server server = profile.server();
            resourceKeys[i] = server.key();
            listed.put(new Place(server.provider(), server.account(), server.id()),
                    new Listed(profile, resourceKeys[i]));
        }
        List<Finding> findings = result.findings();
        listedByFinding = new Listed[findings.size()];
        for (int i = 0; i < listedByFinding.length; i++) {
            listedByFinding[i] = listed(findings.get(i));
        }
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

    /** The {@link Server#key()} of the server at this place of {@link #resources()}, made once for every output. */
    public String resourceKeyAt(int resource) {
        return resourceKeys[resource];
    }

    /** The listed server a finding is about, null for a finding about an account, a region or the audit itself. */
    public ServerProfile resource(Finding finding) {
        Listed server = listed(finding);
        return server == null ? null : server.profile();
    }

    /** The {@link Server#key()} of the listed server a finding is about, null as for {@link #resource}. */
    public String resourceKey(Finding finding) {
        Listed server = listed(finding);
        return server == null ? null : server.key();
    }

    /** As {@link #resource}, for the finding at this place of {@link PolicyResult#findings()}. */
    public ServerProfile resourceOf(int finding) {
        Listed server = listedByFinding[finding];
        return server == null ? null : server.profile();
    }

    /** As {@link #resourceKey}, for the finding at this place of {@link PolicyResult#findings()}. */
    public String resourceKeyOf(int finding) {
        Listed server = listedByFinding[finding];
        return server == null ? null : server.key();
    }

    private Listed listed(Finding finding) {
        return finding.provider() == null ? null
                : listed.get(new Place(finding.provider(), finding.account(), finding.resourceId()));
    }

    /** True when something could not be read or collected: the audit must not be taken as complete. */
    public boolean incomplete() {
        return !inventory.gaps().isEmpty()
                || result.findings().stream().anyMatch(f -> f.ruleId().equals(AuditIncompleteRule.METADATA.id()));
    }
}
