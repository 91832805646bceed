package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A server missing one of the required tags (owner by default), so nobody is on record as responsible. */
public final class OrphanNoOwnerRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "orphan-no-owner",
            "Server without an owner",
            Category.ORPHANED,
            Severity.LOW,
            "A server nobody is on record for gets no patches, no reviews and no one to call when it misbehaves; "
                    + "it is the first step to a forgotten server. Tags are how the cloud records who is "
                    + "responsible.",
            "Find the owner (launch events in CloudTrail or the Azure activity log, the cost center, the team "
                    + "that deployed it) and add the required tags. Enforce them for new servers with an AWS "
                    + "tag policy or service control policy, or an Azure Policy that requires the tag.",
            List.of("AWS Config required-tags", "ScoutSuite ec2-instance-required-tags",
                    "Cloud Custodian tag:Owner absent filter",
                    "CIS Controls v8 1.1 Establish and Maintain Detailed Enterprise Asset Inventory"));

    public static final Setting<List<String>> REQUIRED_TAGS = Setting.texts("requiredTags", List.of("owner"),
            "Tag keys every server must carry, compared case-insensitively; the first present names the owner.");

    public OrphanNoOwnerRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        List<String> missing = new ArrayList<>();
        List<Text> evidence = new ArrayList<>();
        for (String key : context.settings().requiredTags()) {
            Optional<String> value = server.tag(key);
            if (value.isEmpty()) {
                missing.add(key);
                evidence.add(Text.of("orphan-no-owner.evidence.missing", key));
            } else if (value.get().isBlank()) {
                missing.add(key);
                evidence.add(Text.of("orphan-no-owner.evidence.empty", key));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        evidence.add(server.tags().isEmpty() ? Text.of("orphan-no-owner.evidence.noTags")
                : Text.of("orphan-no-owner.evidence.tags", Text.joined(List.copyOf(server.tags().keySet()), ", ")));
        Text what = missing.size() == 1 ? Text.of("orphan-no-owner.tag", missing.get(0))
                : Text.of("orphan-no-owner.tags", Phrases.list(missing));
        return Optional.of(context.finding(METADATA, server, Text.of("orphan-no-owner.message", server.displayName(),
                what), evidence));
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(REQUIRED_TAGS);
    }
}
