package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Optional;

/** Only the cloud's basic metrics are collected: EC2 detailed monitoring or RDS enhanced monitoring is off. */
public final class BasicMonitoringOnlyRule extends MonitoringRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "monitoring-basic-only",
            "Only basic monitoring is collected",
            Category.MONITORING,
            Severity.LOW,
            "Basic monitoring samples a server every five minutes and sees only the host from outside. Short bursts "
                    + "of activity and what runs inside a database host (processes, memory, disk) stay invisible, "
                    + "which makes an intruder's workload hard to spot and harder to explain afterwards.",
            "AWS: turn on EC2 detailed monitoring (aws ec2 monitor-instances --instance-ids <id>) and, for RDS, "
                    + "enhanced monitoring with a 60-second or finer interval (aws rds modify-db-instance "
                    + "--monitoring-interval 60 --monitoring-role-arn <role-arn>). Azure: enable VM insights or a "
                    + "data collection rule for guest metrics on virtual machines, and a diagnostic setting that "
                    + "sends database metrics and logs to a Log Analytics workspace.",
            List.of("Prowler: ec2_instance_detailed_monitoring_enabled",
                    "Prowler: rds_instance_enhanced_monitoring_enabled",
                    "AWS Config: ec2-instance-detailed-monitoring-enabled",
                    "AWS Config: rds-enhanced-monitoring-enabled"));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        Boolean detailed = server.monitoring().detailedMonitoring();
        // Azure has no single switch for this; an Azure server is only judged when a source says it is off.
        if (detailed == null && !Wording.aws(server)) {
            return Optional.empty();
        }
        return verdict(context, server, detailed, () -> new Told( offMessage(server),
                Text.of("monitoring-basic-only.message.unknown", awsFeature(server), server.displayName()),
                new Text.Name(server.kind() == ResourceKind.MANAGED_DATABASE
                        ? "aws rds describe-db-instances (MonitoringInterval)"
                        : "aws ec2 describe-instances (Monitoring.State)"),
                List.of(Wording.fact(Wording.aws(server) ? awsFeature(server)
                        : Text.of("monitoring-basic-only.fact.detailed"), detailed))));
    }

    private static Text offMessage(Server server) {
        String kind = server.kind() == ResourceKind.MANAGED_DATABASE ? "database" : "server";
        String cloud = Wording.aws(server) ? "aws" : "azure";
        return Text.of("monitoring-basic-only.message." + cloud + "." + kind, server.displayName());
    }

    private static Text awsFeature(Server server) {
        return Text.of(server.kind() == ResourceKind.MANAGED_DATABASE ? "monitoring-basic-only.feature.rds"
                : "monitoring-basic-only.feature.ec2");
    }

    @Override
    Text gapInBrief(Server server) {
        return Text.of("monitoring-basic-only.gap");
    }
}
