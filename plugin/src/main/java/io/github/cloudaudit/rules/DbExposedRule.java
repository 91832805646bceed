package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A database reachable from the whole internet: a public managed database or a database port open to all. */
public final class DbExposedRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "db-exposed",
            "Database reachable from the internet",
            Category.EXPOSURE,
            Severity.HIGH,
            "A database port open to the whole internet is found by automated scanners within hours and then "
                    + "attacked with password guessing and known exploits; one weak or leaked password is enough "
                    + "to lose the data. Reported as critical when the data is classified as sensitive.",
            "Remove the internet-wide rule (0.0.0.0/0, ::/0, Any) from the security group or network security "
                    + "group and allow only the application servers or a VPN range. For a managed database, turn "
                    + "off public access (PubliclyAccessible on RDS, public network access on Azure) and reach it "
                    + "through private networking.",
            List.of("Prowler ec2_instance_port_mysql_exposed_to_internet (and the checks for the other engine ports)",
                    "Prowler rds_instance_no_public_access", "AWS Config restricted-common-ports",
                    "AWS Config rds-instance-public-access-check", "ScoutSuite ec2-security-group-opens-known-port-to-all",
                    "CIS AWS Foundations Benchmark: Ensure that public access is not given to RDS Instance",
                    "CIS Controls v8 4.4 Implement and Manage a Firewall on Servers"));

    public DbExposedRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        ServerProfile profile = context.profile(server);
        boolean managed = server.kind() == ResourceKind.MANAGED_DATABASE;
        List<String> exposures = new ArrayList<>();
        if (managed && Boolean.TRUE.equals(server.publiclyAccessible())) {
            exposures.add("the database service is set to be publicly accessible");
        }
        for (IngressRule rule : server.ingress()) {
            if (rule.fromInternet()) {
                exposure(rule, server, profile).ifPresent(exposures::add);
            }
        }
        if (exposures.isEmpty()) {
            if (managed && server.publiclyAccessible() == null) {
                return Optional.of(context.unverified(METADATA, server, "Could not tell whether the database "
                        + server.displayName() + " is publicly accessible.", Wording.aws(server)
                        ? "aws rds describe-db-instances (PubliclyAccessible)"
                        : "the server's listing (publicNetworkAccess)",
                        List.of("public accessibility not in the inventory")));
            }
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>(exposures);
        if (profile.engineLabel() != null) {
            evidence.add("engine: " + profile.engineLabel());
        }
        if (profile.hostsDatabase()) {
            evidence.add("hosts a database: " + String.join("; ", profile.databaseEvidence()));
        }
        String subject = server.displayName() + (profile.engineLabel() != null ? " (" + profile.engineLabel() + ")" : "");
        Finding finding = context.finding(METADATA, server, subject + " can be reached from the whole internet: "
                + Phrases.list(exposures) + ".", evidence);
        // Exposure is not raised by the context's database rule (every exposed database hosts one), only by
        // the sensitivity of what it holds.
        return Optional.of(profile.sensitiveData() ? finding.withSeverity(Severity.CRITICAL) : finding);
    }

    /** What one internet-wide rule exposes: named database ports, or every port on a database host. */
    private static Optional<String> exposure(IngressRule rule, Server server, ServerProfile profile) {
        String where = " open to " + rule.source() + (rule.via() == null ? "" : " in " + groupWord(server) + " "
                + rule.via());
        if (DatabaseDetector.coversAllPorts(rule)) {
            boolean tcp = DatabaseDetector.DATABASE_PORTS.keySet().stream().anyMatch(rule::allowsTcpPort);
            return tcp && profile.hostsDatabase() ? Optional.of("all ports are" + where) : Optional.empty();
        }
        List<String> ports = DatabaseDetector.DATABASE_PORTS.entrySet().stream()
                .filter(port -> rule.allowsTcpPort(port.getKey()))
                .map(port -> port.getKey() + " (" + port.getValue() + ")")
                .toList();
        if (ports.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((ports.size() == 1 ? "port " : "ports ") + Phrases.list(ports)
                + (ports.size() == 1 ? " is" : " are") + where);
    }

    private static String groupWord(Server server) {
        return server.provider() == Provider.AZURE ? "network security group" : "security group";
    }
}
