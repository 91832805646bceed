package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.ThreatFinding;
import io.github.cloudaudit.text.Text;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A threat-detection service (GuardDuty, Microsoft Defender for Cloud) reports cryptocurrency mining on the server:
 * evidence of compromise, not a risk. Its first action is incident response, whoever owns the server.
 */
public final class ThreatCryptominingRule extends PerServerRule {

    /** What to do first about a server with evidence of compromise, in plain words (in the rules' bundles). */
    public static final Text INCIDENT_RESPONSE = Text.of("threat-cryptomining.incidentResponse");

    public static final RuleMetadata METADATA = new RuleMetadata(
            "threat-cryptomining",
            "A threat-detection service reports cryptocurrency mining on the server",
            Category.THREAT,
            Severity.CRITICAL,
            "Mining on a server means someone else runs code on it: whoever installed the miner can also read, copy "
                    + "or change whatever the server holds and reach what its credentials reach. It is the end of "
                    + "the story this audit exists for: a forgotten server mined for 18 months with 17,000 user "
                    + "records on it.",
            "First " + AuditContext.english(INCIDENT_RESPONSE) + " Then find out how the intruder got in (open ports, old software, "
                    + "leaked keys) and close that way on every other server, rebuild the server from a clean image "
                    + "or retire it, and archive the finding only when all of this is done.",
            List.of("Amazon GuardDuty: CryptoCurrency:EC2/BitcoinTool.B, CryptoCurrency:EC2/BitcoinTool.B!DNS, "
                            + "Impact:EC2/BitcoinDomainRequest.Reputation, Impact:Runtime/CryptoMinerExecuted",
                    "Microsoft Defender for Cloud: Digital currency mining related behavior detected",
                    "MITRE ATT&CK T1496: Resource Hijacking",
                    "GDPR Art. 33 and 34: notification of a personal data breach"));

    public ThreatCryptominingRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        List<ThreatFinding> mining = context.inventory().threats(server).stream()
                .filter(ThreatFinding::cryptomining).toList();
        if (mining.isEmpty()) {
            return Optional.empty();
        }
        ServerProfile profile = context.profile(server);
        LocalDate since = mining.stream().map(ThreatFinding::firstSeen).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Text.Listing services = Phrases.list(mining.stream().map(ThreatFinding::service).distinct().toList());
        Text.Joined types = Text.joined(mining.stream().map(ThreatFinding::type).distinct().toList(), ", ");
        Text data = profile.sensitiveData() ? Text.of(profile.hostsDatabase() ? "threat-cryptomining.data.database"
                : "threat-cryptomining.data", profile.classification())
                : Text.of(profile.hostsDatabase() ? "threat-cryptomining.database" : "threat-cryptomining.noData");
        Text message = since == null
                ? Text.of("threat-cryptomining.message", services, server.displayName(), types, data, INCIDENT_RESPONSE)
                : Text.of("threat-cryptomining.message.since", services, server.displayName(), since, types, data,
                        INCIDENT_RESPONSE);
        List<Text> evidence = mining.stream().map(ThreatCryptominingRule::evidence).toList();
        return Optional.of(context.finding(METADATA, server, message, evidence));
    }

    private static Text evidence(ThreatFinding threat) {
        Text seen = Text.of("threat-cryptomining.evidence", threat.service(), threat.type(),
                Phrases.count(threat.count(), "time"));
        Text from = threat.firstSeen() == null ? seen : Text.of("threat-cryptomining.evidence.from", seen,
                threat.firstSeen());
        return threat.lastSeen() == null ? from : Text.of("threat-cryptomining.evidence.to", from, threat.lastSeen());
    }
}
