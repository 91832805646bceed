package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** No flow log records the traffic of the VPC or virtual network a server sits in. */
public final class NoFlowLogsRule extends MonitoringRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "monitoring-no-flow-logs",
            "No flow log records the server's network traffic",
            Category.MONITORING,
            Severity.LOW,
            "Flow logs record who talked to whom. Without them nobody can tell after a breach where a database's "
                    + "data went, which mining pool a server called, or which other machines the intruder reached.",
            "AWS: create a VPC flow log for every VPC, capturing ALL traffic to CloudWatch Logs or S3 "
                    + "(aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL "
                    + "--log-destination-type s3 --log-destination <bucket-arn>) and keep it at least 90 days. "
                    + "Azure: enable Network Watcher in the region and create a virtual network flow log (or NSG "
                    + "flow log) to a storage account with retention of at least 90 days, ideally with traffic "
                    + "analytics (az network watcher flow-log create).",
            List.of("Prowler: vpc_flow_logs_enabled",
                    "AWS Config: vpc-flow-logs-enabled",
                    "ScoutSuite: vpc-subnet-without-flow-log",
                    "CIS AWS Foundations Benchmark v1.4.0 3.9: Ensure VPC flow logging is enabled in all VPCs",
                    "CIS Microsoft Azure Foundations Benchmark: Ensure that Network Security Group Flow Log "
                            + "retention period is 'greater than 90 days'"));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        Text network = Wording.network(server.provider(), false);
        String name = server.displayName();
        if (server.networkIds().isEmpty()) {
            // An Azure database need not sit in a virtual network at all; every other server does.
            if (server.provider() == Provider.AZURE && server.kind() == ResourceKind.MANAGED_DATABASE) {
                return Optional.empty();
            }
            return Optional.of(context.unverified(METADATA, server, Text.of("monitoring-no-flow-logs.message.noNetwork",
                    name, network), Wording.aws(server) ? new Text.Name("aws ec2 describe-instances (VpcId)")
                            : Text.of("monitoring-no-flow-logs.input.azureNetwork"),
                    List.of(Wording.fact(network, null))));
        }
        List<String> off = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Text> evidence = new ArrayList<>();
        for (String networkId : server.networkIds()) {
            Boolean flowLogs = context.inventory().network(server.provider(), server.account(), networkId)
                    .map(Network::flowLogs).orElse(null);
            evidence.add(Wording.fact(Text.of("monitoring-no-flow-logs.fact", network, networkId), flowLogs));
            if (flowLogs == null) {
                unknown.add(networkId);
            } else if (!flowLogs) {
                off.add(networkId);
            }
        }
        Boolean recorded = !off.isEmpty() ? Boolean.FALSE : unknown.isEmpty() ? Boolean.TRUE : null;
        return verdict(context, server, recorded, () -> new Told(
                Text.of("monitoring-no-flow-logs.message", networks(server, off), name),
                Text.of("monitoring-no-flow-logs.message.unknown", name, networks(server, unknown)),
                new Text.Name(flowLogExport(server)), evidence));
    }

    private static String flowLogExport(Server server) {
        return Wording.aws(server) ? "aws ec2 describe-flow-logs" : "az network watcher flow-log list";
    }

    /** Names the networks as people know them: an Azure resource id by its last segment, the network's name. */
    private static Text networks(Server server, List<String> ids) {
        List<String> names = ids.stream().map(id -> id.substring(id.lastIndexOf('/') + 1)).toList();
        return Text.of("monitoring-no-flow-logs.networks", Wording.network(server.provider(), ids.size() != 1),
                Text.joined(names, ", "));
    }

    @Override
    Text gapInBrief(Server server) {
        return Text.of("monitoring-no-flow-logs.gap");
    }
}
