package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The motivating incident as one finding: a server that hosts a database, is legacy or orphaned, and is forgotten:
 * nobody owns it or nobody would notice what happens on it (see {@link Forgotten}). Built from the findings of the
 * other rules, which it names as related.
 */
public final class ForgottenDatabaseRule implements Rule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "risk-forgotten-database",
            "Forgotten database server: legacy or orphaned, and nobody owns it or would notice",
            Category.RISK,
            Severity.CRITICAL,
            "Each of these findings alone is routine; together they describe how breaches of forgotten servers "
                    + "happen. An unpatched or unowned server with a database on it is an easy way in, and when "
                    + "nothing watches it an intruder can copy the data or mine crypto on it for months, as in the "
                    + "incident this audit was built for: a 17,000-user database mined for 18 months unnoticed.",
            "First name an owner and snapshot the server for evidence. Check it for signs of intrusion (unknown "
                    + "processes, high CPU, outbound connections to mining pools, new accounts or keys). Then close "
                    + "the monitoring gaps listed (AWS: GuardDuty, a CloudWatch CPU alarm, CloudTrail; Azure: "
                    + "Defender for Servers or SQL, a metric alert, an activity log export) and upgrade, migrate "
                    + "the database to a supported managed service, or retire the server after archiving its data.",
            List.of("MITRE ATT&CK T1496: Resource Hijacking",
                    "MITRE ATT&CK T1190: Exploit Public-Facing Application"));

    /** The monitoring rules, asked to say in a few words what each of their findings means. */
    private static final List<MonitoringRule> MONITORING_RULES = List.of(new NoCpuAlarmRule(),
            new BasicMonitoringOnlyRule(), new NoMonitoringAgentRule(), new NoThreatDetectionRule(),
            new NoFlowLogsRule(), new NoAuditTrailRule());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public boolean composite() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AuditContext context, List<Finding> earlier) {
        List<Finding> findings = new ArrayList<>();
        ConfirmedFindings known = new ConfirmedFindings(earlier);
        Forgotten forgotten = new Forgotten(known);
        for (Server server : context.inventory().servers()) {
            if (context.profile(server).hostsDatabase() && forgotten.forgotten(server)) {
                findings.add(story(context, server, known, forgotten));
            }
        }
        return findings;
    }

    private static Finding story(AuditContext context, Server server, ConfirmedFindings known, Forgotten forgotten) {
        ServerProfile profile = context.profile(server);
        List<Finding> neglect = new ArrayList<>(forgotten.aged(server));
        neglect.addAll(forgotten.orphaned(server));
        List<Finding> unwatched = Stream.concat(known.about(server).stream(), known.unverifiedAbout(server).stream())
                .filter(f -> f.ruleId().startsWith("monitoring-")).toList();
        boolean compromised = known.about(server).stream()
                .anyMatch(f -> f.ruleId().equals(ThreatCryptominingRule.METADATA.id()));
        List<String> clauses = new ArrayList<>();
        if (server.launchedOn() != null) {
            clauses.add("has run since " + server.launchedOn().getYear());
        }
        neglect.stream().map(Finding::ruleId).distinct()
                .forEach(id -> neglectClause(id, context, profile).ifPresent(clauses::add));
        CpuStatistics cpu = server.cpu();
        if (cpu != null && server.state() == PowerState.RUNNING
                && cpu.averagePercent() >= context.settings().cpuHighPercent()) {
            clauses.add("its CPU has averaged " + Phrases.percent(cpu.averagePercent()) + " over "
                    + Phrases.count(cpu.periodDays(), "day") + ", the signature of cryptomining");
        }
        if (neglect.stream().noneMatch(f -> f.ruleId().equals("orphan-no-owner"))) {
            clauses.add(profile.owner() == null ? "has no owner" : "is owned by " + profile.owner());
        }
        List<String> gaps = unwatched.stream().map(f -> gapInBrief(f, server)).distinct().toList();
        String watched = gaps.isEmpty() ? ", and nobody answers for what it holds. "
                : ", and it is not properly watched: " + String.join(", ", gaps) + ". ";
        String firstStep = compromised ? "a threat-detection service reports mining on it, so "
                + ThreatCryptominingRule.INCIDENT_RESPONSE
                : (profile.owner() == null ? "name an owner today" : "have " + profile.owner() + " review it today")
                + ", snapshot it for evidence and check it for signs of intrusion; then switch on the missing "
                + "monitoring and upgrade, migrate or retire it.";
        String message = server.displayName() + " hosts a database"
                + (profile.sensitiveData() ? " with " + profile.classification() + " data" : "")
                + " (" + String.join("; ", profile.databaseEvidence()) + "), " + String.join(", ", clauses)
                + watched + "This is how forgotten servers get breached and mined unnoticed. First: " + firstStep;
        List<Finding> parts = new ArrayList<>(neglect);
        parts.addAll(unwatched);
        return context.finding(METADATA, server, message,
                        parts.stream().map(f -> f.ruleId() + ": " + f.message()).toList())
                .withRelated(parts.stream().map(Finding::fingerprint).toList());
    }

    /** What a legacy or orphan finding says about the server, in the words of the story; empty when said already. */
    private static Optional<String> neglectClause(String ruleId, AuditContext context, ServerProfile profile) {
        Server server = profile.server();
        return switch (ruleId) {
            case "legacy-os" -> Optional.of("runs " + label(profile.osLabel(), "an operating system")
                    + ended(profile.osEndOfSupport(), context.auditDate()));
            case "legacy-db-engine" -> Optional.of("runs " + label(profile.engineLabel(), "a database engine")
                    + ended(profile.engineEndOfSupport(), context.auditDate()));
            case "legacy-instance-generation" -> Optional.of("runs on an old instance generation ("
                    + server.type() + ")");
            case "stale-server" -> Optional.empty(); // "has run since <year>" says it
            case "orphan-no-owner" -> Optional.of("has no owner");
            case "orphan-decommissioned" -> Optional.of("was marked for decommissioning but still exists");
            case "orphan-stopped" -> Optional.of(server.state() == PowerState.STOPPED && server.stateSince() != null
                    ? "has been stopped since " + server.stateSince() + " with its data still on disk"
                    : "is stopped with its data still on disk");
            default -> Optional.of("is flagged by " + ruleId);
        };
    }

    private static String label(String label, String unknown) {
        return label == null ? unknown : label;
    }

    private static String ended(LocalDate endOfSupport, LocalDate auditDate) {
        if (endOfSupport == null) {
            return " that is out of support";
        }
        return (endOfSupport.isBefore(auditDate) ? " whose support ended " : " whose support ends ") + endOfSupport;
    }

    /** What a monitoring finding says is missing; "(not verified)" when the data to confirm it was not provided. */
    private static String gapInBrief(Finding finding, Server server) {
        return MONITORING_RULES.stream().filter(rule -> rule.metadata().id().equals(finding.ruleId())).findFirst()
                .map(rule -> rule.gapInBrief(server)).orElse(finding.ruleId())
                + (finding.verified() ? "" : " (not verified)");
    }
}
