package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<Text> exposures = new ArrayList<>();
        if (managed && Boolean.TRUE.equals(server.publiclyAccessible())) {
            exposures.add(Text.of("db-exposed.public"));
        }
        for (IngressRule rule : server.ingress()) {
            if (rule.fromInternet()) {
                exposure(rule, server, profile).ifPresent(exposures::add);
            }
        }
        if (exposures.isEmpty()) {
            if (managed && server.publiclyAccessible() == null) {
                return Optional.of(context.unverified(METADATA, server, Text.of("db-exposed.message.unknown",
                        server.displayName()), Wording.aws(server)
                        ? new Text.Name("aws rds describe-db-instances (PubliclyAccessible)")
                        : Text.of("db-exposed.input.azure"),
                        List.of(Text.of("db-exposed.evidence.unknown"))));
            }
            return Optional.empty();
        }
        List<Text> evidence = new ArrayList<>(exposures);
        if (profile.engineLabel() != null) {
            evidence.add(Text.of("db-exposed.evidence.engine", profile.engineLabel()));
        }
        if (profile.hostsDatabase()) {
            evidence.add(Text.of("evidence.hostsDatabase", profile.databaseReason()));
        }
        Text subject = profile.engineLabel() != null
                ? Text.of("db-exposed.subject.engine", server.displayName(), profile.engineLabel())
                : Text.of("db-exposed.subject", server.displayName());
        Finding finding = context.finding(METADATA, server, Text.of("db-exposed.message", subject,
                Phrases.list(exposures)), evidence);
        // Exposure is not raised by the context's database rule (every exposed database hosts one), only by
        // the sensitivity of what it holds.
        return Optional.of(profile.sensitiveData() ? finding.withSeverity(Severity.CRITICAL) : finding);
    }

    /** What one internet-wide rule exposes: named database ports, or every port on a database host. */
    private static Optional<Text> exposure(IngressRule rule, Server server, ServerProfile profile) {
        if (DatabaseDetector.coversAllPorts(rule)) {
            boolean tcp = DatabaseDetector.DATABASE_PORTS.keySet().stream().anyMatch(rule::allowsTcpPort);
            return tcp && profile.hostsDatabase()
                    ? Optional.of(Text.of("db-exposed.allPorts", openTo(rule, server, true))) : Optional.empty();
        }
        // A plain loop: this runs for every internet-wide rule of every server, and most expose no database port.
        List<Text> ports = new ArrayList<>();
        for (Map.Entry<Integer, String> port : DatabaseDetector.DATABASE_PORTS.entrySet()) {
            if (rule.allowsTcpPort(port.getKey())) {
                ports.add(Text.of("db-exposed.portName", port.getKey(), port.getValue()));
            }
        }
        if (ports.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ports.size() == 1 ? Text.of("db-exposed.port", ports.get(0), openTo(rule, server, false))
                : Text.of("db-exposed.ports", Phrases.list(ports), openTo(rule, server, true)));
    }

    /** "open to 0.0.0.0/0 in security group sg-1"; Norwegian says "åpen" of one port and "åpne" of several. */
    private static Text openTo(IngressRule rule, Server server, boolean plural) {
        String key = plural ? "db-exposed.openTo.many" : "db-exposed.openTo";
        return rule.via() == null ? Text.of(key, rule.source())
                : Text.of(key + "Via", rule.source(), groupWord(server), rule.via());
    }

    private static Text groupWord(Server server) {
        return Text.of(server.provider() == Provider.AZURE ? "db-exposed.group.azure" : "db-exposed.group.aws");
    }
}
