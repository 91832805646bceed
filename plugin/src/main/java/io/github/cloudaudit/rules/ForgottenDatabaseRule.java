package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

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
        ConfirmedFindings known = ConfirmedFindings.of(context, earlier);
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
        List<Text> clauses = new ArrayList<>();
        if (server.launchedOn() != null) {
            clauses.add(Text.of("risk-forgotten-database.clause.since", server.launchedOn().getYear()));
        }
        neglect.stream().map(Finding::ruleId).distinct()
                .forEach(id -> neglectClause(id, context, profile).ifPresent(clauses::add));
        CpuStatistics cpu = server.cpu();
        if (cpu != null && server.state() == PowerState.RUNNING
                && cpu.averagePercent() >= context.settings().cpuHighPercent()) {
            clauses.add(Text.of("risk-forgotten-database.clause.cpu", Phrases.percent(cpu.averagePercent()),
                    Phrases.count(cpu.periodDays(), "day")));
        }
        if (neglect.stream().noneMatch(f -> f.ruleId().equals("orphan-no-owner"))) {
            clauses.add(profile.owner() == null ? Text.of("risk-forgotten-database.clause.noOwner")
                    : Text.of("risk-forgotten-database.clause.owner", profile.owner()));
        }
        List<Text> gaps = unwatched.stream().map(f -> gapInBrief(f, server)).distinct().toList();
        Text watched = gaps.isEmpty() ? Text.of("risk-forgotten-database.watched.nobodyAnswers")
                : Text.of("risk-forgotten-database.watched.not", Text.joined(gaps, ", "));
        Text firstStep = compromised ? Text.of("risk-forgotten-database.firstStep.compromised", 
                ThreatCryptominingRule.INCIDENT_RESPONSE)
                : profile.owner() == null ? Text.of("risk-forgotten-database.firstStep.noOwner")
                : Text.of("risk-forgotten-database.firstStep.owner", profile.owner());
        Text subject = profile.sensitiveData()
                ? Text.of("risk-forgotten-database.subject.sensitive", server.displayName(), profile.classification())
                : Text.of("risk-forgotten-database.subject", server.displayName());
        Text message = Text.of("risk-forgotten-database.message", subject, profile.databaseReason(),
                Text.joined(clauses, ", "), watched, firstStep);
        List<Finding> parts = new ArrayList<>(neglect);
        parts.addAll(unwatched);
        return context.finding(METADATA, server, message, parts.stream().map(Phrases::related).toList())
                .withRelated(parts.stream().map(Finding::fingerprint).toList());
    }

    /** What a legacy or orphan finding says about the server, in the words of the story; empty when said already. */
    private static Optional<Text> neglectClause(String ruleId, AuditContext context, ServerProfile profile) {
        Server server = profile.server();
        return switch (ruleId) {
            case "legacy-os" -> Optional.of(Text.of("risk-forgotten-database.clause.runs",
                    label(profile.osLabel(), "risk-forgotten-database.anOs"),
                    ended(profile.osEndOfSupport(), context.auditDate())));
            case "legacy-db-engine" -> Optional.of(Text.of("risk-forgotten-database.clause.runs",
                    label(profile.engineLabel(), "risk-forgotten-database.anEngine"),
                    ended(profile.engineEndOfSupport(), context.auditDate())));
            case "legacy-instance-generation" -> Optional.of(Text.of("risk-forgotten-database.clause.oldType",
                    server.type()));
            case "stale-server" -> Optional.empty(); // "has run since <year>" says it
            case "orphan-no-owner" -> Optional.of(Text.of("risk-forgotten-database.clause.noOwner"));
            case "orphan-decommissioned" -> Optional.of(Text.of("risk-forgotten-database.clause.decommissioned"));
            case "orphan-stopped" -> Optional.of(server.state() == PowerState.STOPPED && server.stateSince() != null
                    ? Text.of("risk-forgotten-database.clause.stoppedSince", server.stateSince())
                    : Text.of("risk-forgotten-database.clause.stopped"));
            default -> Optional.of(Text.of("risk-forgotten-database.clause.flagged", ruleId));
        };
    }

    private static TextArg label(String label, String unknownKey) {
        return label == null ? Text.of(unknownKey) : new Text.Name(label);
    }

    private static Text ended(LocalDate endOfSupport, LocalDate auditDate) {
        if (endOfSupport == null) {
            return Text.of("risk-forgotten-database.support.out");
        }
        return Text.of(endOfSupport.isBefore(auditDate) ? "risk-forgotten-database.support.ended"
                : "risk-forgotten-database.support.ends", endOfSupport);
    }

    /** What a monitoring finding says is missing; "(not verified)" when the data to confirm it was not provided. */
    private static Text gapInBrief(Finding finding, Server server) {
        Text gap = MONITORING_RULES.stream().filter(rule -> rule.metadata().id().equals(finding.ruleId())).findFirst()
                .map(rule -> rule.gapInBrief(server))
                .orElse(Text.of("risk-forgotten-database.gap.other", finding.ruleId()));
        return finding.verified() ? gap : Text.of("risk-forgotten-database.gap.unverified", gap);
    }
}
