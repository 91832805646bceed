package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.lifecycle.Release;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A virtual machine whose operating system is past its end of support. */
public final class LegacyOsRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "legacy-os",
            "Operating system past its end of support",
            Category.LEGACY,
            Severity.MEDIUM,
            "An operating system past its end of support receives no more security fixes, so every weakness found "
                    + "since stays open for good. Attackers scan for exactly these servers, and a database on one "
                    + "is only as safe as the system beneath it.",
            "Rebuild the server on a supported image (or upgrade it in place) and move its applications and data "
                    + "over; then retire the old server. Until that is done, buy the vendor's extended security "
                    + "updates where offered and restrict inbound access to the few addresses that need it.",
            List.of("Prowler ec2_instance_with_outdated_ami", "AWS Config approved-amis-by-id",
                    "Steampipe ec2_ami_not_older_than_90_days",
                    "CIS Controls v8 2.2 Ensure Authorized Software is Currently Supported"));

    public LegacyOsRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        if (server.kind() == ResourceKind.MANAGED_DATABASE) {
            return Optional.empty();
        }
        OperatingSystem os = server.os();
        ServerProfile profile = context.profile(server);
        if (os == null || os.product() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("legacy-os.message.unknown",
                    server.displayName()), imageExport(server), detectedFrom(server)));
        }
        if (os.version() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("legacy-os.message.versionUnknown",
                    server.displayName(), profile.osLabel()), imageExport(server), detectedFrom(server)));
        }
        if (profile.osEndOfSupport() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("legacy-os.message.notInTable",
                    profile.osLabel(), server.displayName()), Text.of("legacy-os.input.table"), detectedFrom(server)));
        }
        if (!EndOfSupport.passed(profile.osEndOfSupport(), context.auditDate())) {
            return Optional.empty();
        }
        Optional<Release> release = context.operatingSystems().find(os.product(), os.version());
        Text message = EndOfSupport.withExtendedSupport(Text.of("legacy-os.message", server.displayName(),
                profile.osLabel(), EndOfSupport.ended(Text.of("endOfSupport.it"), profile.osEndOfSupport(),
                        context.auditDate())), release, context.auditDate());
        List<Text> evidence = EndOfSupport.evidence(profile.osLabel(), profile.osEndOfSupport(), release,
                context.auditDate());
        evidence.addAll(detectedFrom(server));
        return Optional.of(context.finding(METADATA, server, message, evidence));
    }

    private static List<Text> detectedFrom(Server server) {
        List<Text> evidence = new ArrayList<>();
        if (server.os() != null && server.os().description() != null) {
            evidence.add(Text.of("legacy-os.evidence.detectedFrom", server.os().description()));
        }
        if (server.image() != null) {
            evidence.add(Text.of("legacy-os.evidence.image", server.image()));
        }
        if (evidence.isEmpty()) {
            evidence.add(Text.of("legacy-os.evidence.nothing"));
        }
        return evidence;
    }

    /** The export that names a server's image and so its operating system and release. */
    private static TextArg imageExport(Server server) {
        return Wording.aws(server) ? Text.of("legacy-os.input.awsImage")
                : Text.of("legacy-os.input.azureImage");
    }
}
