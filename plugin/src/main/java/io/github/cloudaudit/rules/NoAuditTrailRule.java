package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Optional;

/** No audit trail (CloudTrail, exported activity log) records who did what in the server's account. */
public final class NoAuditTrailRule extends MonitoringRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "monitoring-no-audit-trail",
            "No audit trail records actions in the server's account",
            Category.MONITORING,
            Severity.MEDIUM,
            "The audit trail is the record of who started, changed, opened up or copied a server. Without it an "
                    + "incident cannot be reconstructed: nobody can say how the intruder got in, what they touched "
                    + "or since when.",
            "AWS: create a multi-region CloudTrail trail that logs management events to an S3 bucket in a separate "
                    + "logging account, with log file validation on (aws cloudtrail create-trail "
                    + "--is-multi-region-trail --enable-log-file-validation, then aws cloudtrail start-logging). "
                    + "Azure: add a subscription diagnostic setting that exports the activity log (Administrative, "
                    + "Security, Policy and Alert categories) to a Log Analytics workspace or storage account "
                    + "(az monitor diagnostic-settings subscription create), since the portal keeps it for only "
                    + "90 days.",
            List.of("Prowler: cloudtrail_multi_region_enabled",
                    "AWS Config: multi-region-cloudtrail-enabled",
                    "ScoutSuite: cloudtrail-no-logging",
                    "CIS AWS Foundations Benchmark 3.1: Ensure CloudTrail is enabled in all regions",
                    "CIS Microsoft Azure Foundations Benchmark: Ensure that a 'Diagnostic Setting' exists for "
                            + "Subscription Activity Logs"));

    /** What the fact is called, the same for every server of a cloud. */
    private static final Text AWS_FACT = Text.of("monitoring-no-audit-trail.fact.aws");
    private static final Text AZURE_FACT = Text.of("monitoring-no-audit-trail.fact.azure");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        boolean aws = Wording.aws(server);
        ScopeFact trail = scopeFact(context, server, aws ? AWS_FACT : AZURE_FACT, Scope::auditTrail);
        return verdict(context, server, trail.value(), () -> told(server, aws, trail));
    }

    private static Told told(Server server, boolean aws, ScopeFact trail) {
        String cloud = aws ? "aws" : "azure";
        Text where = Wording.scopeOf(server);
        return new Told(Text.of("monitoring-no-audit-trail.message." + cloud, where, server.displayName()),
                Text.of("monitoring-no-audit-trail.message.unknown." + cloud, server.displayName(), where),
                aws ? Text.of("monitoring-no-audit-trail.input.aws")
                        : new Text.Name("az monitor diagnostic-settings subscription list"),
                trail.evidence());
    }

    @Override
    Text gapInBrief(Server server) {
        return Text.of(Wording.aws(server) ? "monitoring-no-audit-trail.gap.aws" : "monitoring-no-audit-trail.gap.azure");
    }
}
