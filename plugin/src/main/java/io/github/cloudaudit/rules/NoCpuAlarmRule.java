package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Optional;

/** No alarm watches a server's CPU, so a server mining for an intruder at full load tells nobody. */
public final class NoCpuAlarmRule extends MonitoringRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "monitoring-no-cpu-alarm",
            "No alarm watches the server's CPU",
            Category.MONITORING,
            Severity.LOW,
            "A server whose CPU nobody watches can run at full load for months without anyone noticing: crypto-mining "
                    + "after a break-in, a runaway process, or a database under attack. A CPU alarm is the cheapest "
                    + "tripwire there is.",
            "AWS: create a CloudWatch alarm on the instance's CPUUtilization metric (for example average above 80% "
                    + "for 15 minutes) that notifies an SNS topic someone reads: aws cloudwatch put-metric-alarm "
                    + "--metric-name CPUUtilization --namespace AWS/EC2 (AWS/RDS for databases) --dimensions "
                    + "Name=InstanceId,Value=<id> --alarm-actions <topic-arn>. Azure: create a metric alert on "
                    + "'Percentage CPU' (cpu_percent for databases) with an action group: az monitor metrics alert "
                    + "create --scopes <resource-id> --condition \"avg Percentage CPU > 80\" --action <action-group>.",
            List.of("Prowler: cloudwatch_alarm_for_ec2_cpu_utilization",
                    "AWS Config: cloudwatch-alarm-resource-check (metricName CPUUtilization)",
                    "Azure Monitor: metric alert rules on Percentage CPU"));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        Boolean alarm = server.monitoring().cpuAlarm();
        Text.Name source = new Text.Name(Wording.aws(server) ? "aws cloudwatch describe-alarms"
                : "az monitor metrics alert list");
        return verdict(context, server, alarm, () -> new Told(
                Text.of("monitoring-no-cpu-alarm.message", server.displayName()),
                Text.of("monitoring-no-cpu-alarm.message.unknown", server.displayName(), source,
                        Wording.scopeOf(server)),
                source, List.of(Wording.fact(Text.of("monitoring-no-cpu-alarm.fact"), alarm))));
    }

    @Override
    Text gapInBrief(Server server) {
        return Text.of("monitoring-no-cpu-alarm.gap");
    }
}
