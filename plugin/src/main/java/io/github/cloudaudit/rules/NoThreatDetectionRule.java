package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * No threat detection (GuardDuty, Defender for Servers or SQL) covers the server's account or region. A server
 * about which such a service reports a threat is covered, whatever the scope's facts say.
 */
public final class NoThreatDetectionRule extends MonitoringRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "monitoring-no-threat-detection",
            "No threat detection covers the server",
            Category.MONITORING,
            Severity.MEDIUM,
            "Threat detection is what notices a server talking to a crypto-mining pool, logins with stolen "
                    + "credentials or a database being dumped. Where it is off, an intruder can stay for months; "
                    + "GuardDuty and Defender raise exactly these alerts out of the box.",
            "AWS: enable GuardDuty in every account and region (aws guardduty create-detector --enable), "
                    + "preferably for the whole organization from a delegated administrator account, and send its "
                    + "findings to someone who reads them. Azure: set the Defender for Servers plan (virtual "
                    + "machines) and the Defender for SQL plans (Azure SQL and SQL servers on machines) to the "
                    + "Standard tier (az security pricing create --name VirtualMachines --tier Standard; "
                    + "--name SqlServers / SqlServerVirtualMachines) and configure security contact e-mails.",
            List.of("Prowler: guardduty_is_enabled",
                    "Prowler (Azure): defender_ensure_defender_for_server_is_on",
                    "Prowler (Azure): defender_ensure_defender_for_sql_servers_is_on",
                    "AWS Config: guardduty-enabled-centralized",
                    "ScoutSuite (Azure): securitycenter-standard-tier-not-enabled",
                    "CIS Microsoft Azure Foundations Benchmark: Ensure that Microsoft Defender for Servers is set "
                            + "to 'On'; Ensure that Microsoft Defender for Azure SQL Databases is set to 'On'"));

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        // A service that reports a threat on the server is watching it, whatever the account's listings say.
        if (!context.inventory().threats(server).isEmpty()) {
            return Optional.empty();
        }
        boolean database = server.kind() == ResourceKind.MANAGED_DATABASE;
        Function<Scope, Boolean> fact = database ? Scope::threatDetectionForDatabases
                : Scope::threatDetectionForServers;
        Text.Name service = new Text.Name(service(server));
        ScopeFact detection = scopeFact(context, server, service, fact);
        return verdict(context, server, detection.value(), () -> told(server, service, detection));
    }

    private static Told told(Server server, Text.Name service, ScopeFact detection) {
        Text where = detection.decidedBy() == null ? Wording.scopeOf(server) : Wording.scope(
                detection.decidedBy().provider(), detection.decidedBy().account(), detection.decidedBy().region());
        Text.Name source = new Text.Name(Wording.aws(server) ? "aws guardduty list-detectors"
                : "az security pricing list");
        return new Told(Text.of(Wording.aws(server) ? "monitoring-no-threat-detection.message.aws"
                        : "monitoring-no-threat-detection.message.azure", service, where, server.displayName()),
                Text.of("monitoring-no-threat-detection.message.unknown", service, server.displayName(), source, where),
                source, detection.evidence());
    }

    private static String service(Server server) {
        if (Wording.aws(server)) {
            return "GuardDuty";
        }
        return server.kind() == ResourceKind.MANAGED_DATABASE ? "Defender for SQL" : "Defender for Servers";
    }

    @Override
    Text gapInBrief(Server server) {
        return Text.of("monitoring-no-threat-detection.gap", service(server));
    }
}
