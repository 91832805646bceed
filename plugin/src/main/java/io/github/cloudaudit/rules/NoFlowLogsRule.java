package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;

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
        String network = Wording.network(server.provider());
        String name = server.displayName();
        if (server.networkIds().isEmpty()) {
            // An Azure database need not sit in a virtual network at all; every other server does.
            if (server.provider() == Provider.AZURE && server.kind() == ResourceKind.MANAGED_DATABASE) {
                return Optional.empty();
            }
            return Optional.of(context.unverified(METADATA, server, "Cannot tell whether flow logs record the "
                    + "traffic of " + name + ": the inventory does not say which " + network + " it sits in.",
                    Wording.aws(server) ? "aws ec2 describe-instances (VpcId)" : "az vm list -d (its network interfaces)",
                    List.of(network + ": unknown (not in the inventory)")));
        }
        List<String> off = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (String networkId : server.networkIds()) {
            Boolean flowLogs = context.inventory().network(server.provider(), server.account(), networkId)
                    .map(Network::flowLogs).orElse(null);
            evidence.add(Wording.fact("flow logs of " + network + " " + networkId, flowLogs));
            if (flowLogs == null) {
                unknown.add(networkId);
            } else if (!flowLogs) {
                off.add(networkId);
            }
        }
        Boolean recorded = !off.isEmpty() ? Boolean.FALSE : unknown.isEmpty() ? Boolean.TRUE : null;
        return verdict(context, server, recorded,
                "No flow log records the traffic of " + networks(network, off) + " where " + name + " sits: after "
                        + "a breach nobody could tell where its data went or whom it talked to.",
                "Cannot tell whether flow logs record the traffic of " + name + ": no flow log data was provided "
                        + "for " + networks(network, unknown) + ".",
                flowLogExport(server), evidence);
    }

    private static String flowLogExport(Server server) {
        return Wording.aws(server) ? "aws ec2 describe-flow-logs" : "az network watcher flow-log list";
    }

    /** Names the networks as people know them: an Azure resource id by its last segment, the network's name. */
    private static String networks(String network, List<String> ids) {
        List<String> names = ids.stream().map(id -> id.substring(id.lastIndexOf('/') + 1)).toList();
        return (ids.size() == 1 ? network + " " : network + "s ") + String.join(", ", names);
    }

    @Override
    String gapInBrief(Server server) {
        return "no flow logs";
    }
}
