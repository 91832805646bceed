package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.ThreatFinding;

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

    /** What to do first about a server with evidence of compromise, in plain words. */
    public static final String INCIDENT_RESPONSE = "treat it as a security incident now: isolate it (a security "
            + "group or network rule that lets nothing in or out), preserve evidence (snapshot its volumes, and its "
            + "memory if possible, before changing anything), rotate every credential it held, and assess the "
            + "personal data on it. Where personal data may have been exposed, this is a personal data breach under "
            + "GDPR Art. 33: report it to the data protection authority (in Norway, Datatilsynet) within 72 hours of "
            + "becoming aware of it; Art. 34 decides whether the people affected must be told as well.";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "threat-cryptomining",
            "A threat-detection service reports cryptocurrency mining on the server",
            Category.THREAT,
            Severity.CRITICAL,
            "Mining on a server means someone else runs code on it: whoever installed the miner can also read, copy "
                    + "or change whatever the server holds and reach what its credentials reach. It is the end of "
                    + "the story this audit exists for: a forgotten server mined for 18 months with 17,000 user "
                    + "records on it.",
            "First " + INCIDENT_RESPONSE + " Then find out how the intruder got in (open ports, old software, "
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
        String services = String.join(" and ", mining.stream().map(ThreatFinding::service).distinct().toList());
        String data = profile.sensitiveData() ? " It holds " + profile.classification() + " data"
                + (profile.hostsDatabase() ? " in a database." : ".")
                : profile.hostsDatabase() ? " It hosts a database." : "";
        String message = services + " reports cryptocurrency mining on " + server.displayName()
                + (since == null ? "" : " since " + since) + " ("
                + String.join(", ", mining.stream().map(ThreatFinding::type).distinct().toList()) + "): someone "
                + "else runs code on it." + data + " First " + INCIDENT_RESPONSE;
        List<String> evidence = mining.stream().map(ThreatCryptominingRule::evidence).toList();
        return Optional.of(context.finding(METADATA, server, message, evidence));
    }

    private static String evidence(ThreatFinding threat) {
        return threat.service() + ": " + threat.type() + ", seen " + Phrases.count(threat.count(), "time")
                + (threat.firstSeen() == null ? "" : " from " + threat.firstSeen())
                + (threat.lastSeen() == null ? "" : " to " + threat.lastSeen());
    }
}
