package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;

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
        String name = server.displayName();
        return verdict(context, server, detailed, offMessage(server),
                "Cannot tell whether " + awsFeature(server) + " is on for " + name
                        + ": the inventory does not say.",
                server.kind() == ResourceKind.MANAGED_DATABASE ? "aws rds describe-db-instances (MonitoringInterval)"
                        : "aws ec2 describe-instances (Monitoring.State)",
                List.of(Wording.fact(Wording.aws(server) ? awsFeature(server) : "detailed monitoring", detailed)));
    }

    private static String offMessage(Server server) {
        String name = server.displayName();
        boolean database = server.kind() == ResourceKind.MANAGED_DATABASE;
        if (Wording.aws(server)) {
            return database
                    ? "RDS enhanced monitoring is off for " + name + ": nobody sees the processes, memory and disk "
                            + "of the database host, only a few numbers from outside."
                    : "EC2 detailed monitoring is off for " + name + ": its metrics arrive only every five minutes, "
                            + "so short bursts of activity go unnoticed.";
        }
        return database
                ? "Only basic platform metrics are collected for " + name + ": no diagnostic setting sends its "
                        + "detailed metrics and logs to a workspace."
                : "Only basic host metrics are collected for " + name + ": nothing collects metrics from inside it "
                        + "(VM insights or guest diagnostics).";
    }

    private static String awsFeature(Server server) {
        return server.kind() == ResourceKind.MANAGED_DATABASE ? "RDS enhanced monitoring" : "EC2 detailed monitoring";
    }

    @Override
    String gapInBrief(Server server) {
        return "only basic monitoring";
    }
}
