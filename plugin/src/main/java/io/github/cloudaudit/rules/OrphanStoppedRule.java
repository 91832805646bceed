package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Optional;

/** A server stopped for longer than the threshold while its disks, and the data on them, remain. */
public final class OrphanStoppedRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "orphan-stopped",
            "Server stopped for a long time with its disks kept",
            Category.ORPHANED,
            Severity.LOW,
            "A server stopped for weeks serves nobody, yet its disks are still billed and still hold its data, "
                    + "unpatched and unwatched. Anyone who starts it again brings back a server that missed "
                    + "every update since it stopped.",
            "Ask the owner whether it is still needed. If not, snapshot the disks if the data must be kept, "
                    + "then delete the server and its disks; if so, start it, patch it and put it back under "
                    + "monitoring. Raise the rule's stoppedDaysThreshold setting if long pauses are normal for you.",
            List.of("Prowler ec2_instance_stopped_older_than_specific_days", "AWS Config ec2-stopped-instance"));

    public static final Setting<Integer> STOPPED_DAYS_THRESHOLD = Setting.integer("stoppedDaysThreshold", 30, 0,
            "A server stopped or deallocated longer than this many days with disks attached is orphaned.");

    public OrphanStoppedRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        if (server.state() != PowerState.STOPPED) {
            return Optional.empty();
        }
        if (server.stateSince() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("orphan-stopped.message.sinceUnknown",
                    server.displayName()), Wording.aws(server)
                    ? new Text.Name("aws ec2 describe-instances (StateTransitionReason)")
                    : Text.of("orphan-stopped.input.lastStop"),
                    List.of(Text.of("evidence.state", Phrases.state(server)), Text.of("orphan-stopped.evidence.noDate"))));
        }
        long stoppedDays = Phrases.daysBetween(server.stateSince(), context.auditDate());
        int threshold = context.settings().stoppedDaysThreshold();
        if (stoppedDays <= threshold) {
            return Optional.empty();
        }
        // A managed database keeps its storage while stopped; a VM keeps whatever disks are attached.
        boolean managed = server.kind() == ResourceKind.MANAGED_DATABASE;
        Text.Count stoppedFor = Phrases.count(stoppedDays, "day");
        if (!managed && server.attachedDisks() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("orphan-stopped.message.disksUnknown",
                    server.displayName(), stoppedFor), new Text.Name(Wording.aws(server) ? "aws ec2 describe-volumes"
                            : "az vm list -d (its disks)"),
                    List.of(Text.of("orphan-stopped.evidence.since", server.stateSince()),
                            Text.of("orphan-stopped.evidence.disksUnknown"))));
        }
        if (!managed && server.attachedDisks() == 0) {
            return Optional.empty();
        }
        Text storage = managed ? Text.of("orphan-stopped.storage.managed")
                : Text.of("orphan-stopped.storage.disks", Phrases.count(server.attachedDisks(), "disk"));
        return Optional.of(context.finding(METADATA, server, Text.of("orphan-stopped.message",
                        server.displayName(), stoppedFor, server.stateSince(), storage),
                List.of(Text.of("orphan-stopped.evidence.since", server.stateSince()),
                        Text.of("orphan-stopped.evidence.for", stoppedFor),
                        Text.of("orphan-stopped.evidence.threshold", Phrases.count(threshold, "day")),
                        managed ? Text.of("orphan-stopped.evidence.managedStorage")
                                : Text.of("orphan-stopped.evidence.disks", server.attachedDisks()))));
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(STOPPED_DAYS_THRESHOLD);
    }
}
