package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.lifecycle.PreviousGenerationTypes;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A server on a previous-generation or retired instance type, VM size or database class. */
public final class LegacyInstanceGenerationRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "legacy-instance-generation",
            "Previous-generation instance type or VM size",
            Category.LEGACY,
            Severity.LOW,
            "Previous-generation hardware is slower and usually dearer than its successors, and providers retire "
                    + "it on their own schedule: a retired Azure size is deallocated and an old RDS class is "
                    + "moved in a maintenance window. A server still on one has usually not been looked after "
                    + "for years.",
            "Resize the server to a current-generation type of the same size (for example m3 to m7i or m7g, "
                    + "db.t2 to db.t4g, Standard_D2 to Standard_D2s_v5) in a maintenance window; check that the "
                    + "operating system has the drivers the newer hardware needs (ENA and NVMe on AWS).",
            List.of("Prowler ec2_instance_paravirtual_type", "AWS Config desired-instance-type",
                    "ScoutSuite ec2-instance-types"));

    private final PreviousGenerationTypes types = PreviousGenerationTypes.builtIn();

    public LegacyInstanceGenerationRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        // No unverified finding for a missing type: every export this plugin reads carries the instance type,
        // VM size or DB class, so a null here is a reader's gap, not something the audit could tell the user.
        return types.find(server.provider(), server.type()).map(family -> {
            List<Text> evidence = new ArrayList<>();
            evidence.add(Text.of("legacy-instance-generation.evidence.type", server.type()));
            Text name = Text.of("generation." + family.id() + ".family");
            evidence.add(Text.of("legacy-instance-generation.evidence.family", name));
            if (family.source() != null) {
                evidence.add(Text.of("legacy-instance-generation.evidence.source", family.source()));
            }
            return context.finding(METADATA, server, Text.of("legacy-instance-generation.message",
                    server.displayName(), server.type(), name, Text.of("generation." + family.id() + ".status")),
                    evidence);
        });
    }
}
