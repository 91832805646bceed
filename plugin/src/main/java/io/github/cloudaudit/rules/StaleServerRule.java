package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Optional;

/** A server launched or created longer ago than the configured maximum age. */
public final class StaleServerRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "stale-server",
            "Server not rebuilt for years",
            Category.LEGACY,
            Severity.LOW,
            "A server that has run for years without being rebuilt drifts from its image, collects manual "
                    + "changes nobody remembers and is often forgotten by the team that made it. The age is a "
                    + "lower bound: EC2 resets its launch time whenever an instance is stopped and started.",
            "Confirm that someone still owns and needs the server. If so, rebuild it from a current image with "
                    + "its setup in code (a launch template, Terraform, Bicep) and move the data over; if not, "
                    + "take a final snapshot and delete it. Raise the rule's maxServerAgeDays setting if "
                    + "your policy allows older servers.",
            List.of("Prowler ec2_instance_older_than_specific_days", "Steampipe ec2_instance_not_older_than_180_days",
                    "Cloud Custodian instance-age filter"));

    public static final Setting<Integer> MAX_SERVER_AGE_DAYS = Setting.integer("maxServerAgeDays", 3 * 365, 1,
            "A server launched or created longer ago than this many days is stale.");

    public StaleServerRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        if (server.launchedOn() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("stale-server.message.unknown",
                    server.displayName()), new Text.Name(Wording.aws(server)
                            ? "aws ec2 describe-instances or aws rds describe-db-instances (their dates)"
                            : "az vm list -d (timeCreated)"),
                    List.of(Text.of("stale-server.evidence.noDate"))));
        }
        long ageDays = Phrases.daysBetween(server.launchedOn(), context.auditDate());
        int maxDays = context.settings().maxServerAgeDays();
        if (ageDays <= maxDays) {
            return Optional.empty();
        }
        return Optional.of(context.finding(METADATA, server, Text.of("stale-server.message", server.displayName(),
                        Phrases.dateAgo(server.launchedOn(), context.auditDate()), Phrases.count(maxDays, "day")),
                List.of(Text.of("stale-server.evidence.launched", server.launchedOn()),
                        Text.of("stale-server.evidence.age", Phrases.count(ageDays, "day")),
                        Text.of("stale-server.evidence.limit", Phrases.count(maxDays, "day")))));
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(MAX_SERVER_AGE_DAYS);
    }
}
