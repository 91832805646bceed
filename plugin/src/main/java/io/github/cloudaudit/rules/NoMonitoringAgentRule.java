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

/** No management or monitoring agent reports from a virtual machine, so nobody sees inside it. */
public final class NoMonitoringAgentRule extends MonitoringRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "monitoring-no-agent",
            "No management or monitoring agent reports from the virtual machine",
            Category.MONITORING,
            Severity.LOW,
            "Without an agent nobody sees what runs inside a virtual machine, which patches it lacks or what its "
                    + "logs say, and it cannot be patched centrally. Forgotten servers are typically the ones no "
                    + "agent reports from.",
            "AWS: install or start the SSM Agent, attach an instance profile with the AmazonSSMManagedInstanceCore "
                    + "policy and check the instance appears in aws ssm describe-instance-information (or turn on "
                    + "Default Host Management Configuration). Azure: install the Azure Monitor agent extension "
                    + "(az vm extension set --name AzureMonitorLinuxAgent or AzureMonitorWindowsAgent) and associate "
                    + "a data collection rule, or let Defender for Cloud provision it automatically.",
            List.of("Prowler: ec2_instance_managed_by_ssm",
                    "AWS Config: ec2-instance-managed-by-systems-manager",
                    "Prowler (Azure): defender_auto_provisioning_log_analytics_agent_vms_on",
                    "CIS Microsoft Azure Foundations Benchmark: Ensure that auto provisioning of the monitoring "
                            + "agent is set to 'On'"));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        // A managed database runs no agent of ours; the cloud operates its host.
        if (server.kind() != ResourceKind.VIRTUAL_MACHINE) {
            return Optional.empty();
        }
        Boolean agent = server.monitoring().agent();
        String cloud = Wording.aws(server) ? "aws" : "azure";
        Text.Name source = new Text.Name(Wording.aws(server) ? "aws ssm describe-instance-information"
                : "az vm extension list");
        return verdict(context, server, agent, () -> new Told(
                Text.of("monitoring-no-agent.message." + cloud, server.displayName()),
                Text.of("monitoring-no-agent.message.unknown." + cloud, server.displayName(), source),
                source, List.of(Wording.fact(Text.of("monitoring-no-agent.fact." + cloud), agent))));
    }

    @Override
    Text gapInBrief(Server server) {
        return Text.of("monitoring-no-agent.gap");
    }
}
