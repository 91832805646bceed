package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sustained high CPU on a server that hosts a database or is already legacy, stale or orphaned: the pattern of a
 * forgotten server mined for cryptocurrency. Composite, because the other rules' findings make it suspicious. On a
 * database server or a forgotten one (see {@link Forgotten}) it is the signature of the incident this audit exists
 * for and CRITICAL; on a legacy server that is owned and watched it stays HIGH.
 */
public final class CpuSustainedHighRule implements Rule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "cpu-sustained-high",
            "Sustained high CPU on a forgotten or database server",
            Category.RISK,
            Severity.HIGH,
            "A database or a forgotten server has no reason to run near full CPU for days; cryptomining malware "
                    + "does exactly that, and it is how compromised servers are usually noticed, if at all. "
                    + "It also means the attacker can read whatever the server holds.",
            "Treat the server as possibly compromised: look at its running processes, its outbound connections "
                    + "(mining pools, unusual ports such as 3333, 4444 or 14444) and the provider's threat "
                    + "findings (GuardDuty, Microsoft Defender for Cloud). If mining is confirmed, isolate the "
                    + "server, snapshot its disks for forensics, rotate every credential it held and rebuild it.",
            List.of("Amazon GuardDuty CryptoCurrency:EC2/BitcoinTool.B (the service-side signal)",
                    "Microsoft Defender for Cloud digital currency mining alerts",
                    "CIS Controls v8 2.3 Address Unauthorized Software"));

    public static final Setting<Double> CPU_HIGH_PERCENT = Setting.number("cpuHighPercent", 80.0, 0,
            "Average CPU at or above this percentage over the statistics period counts as sustained high.");

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
        ConfirmedFindings confirmed = ConfirmedFindings.of(context, earlier);
        Forgotten forgotten = new Forgotten(confirmed);
        return context.inventory().servers().stream()
                .map(server -> check(context, server, confirmed, forgotten))
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<Finding> check(AuditContext context, Server server, ConfirmedFindings confirmed,
                                    Forgotten forgotten) {
        CpuStatistics cpu = server.cpu();
        // Only a running server burns CPU; flagging a stopped one would contradict its orphan-stopped finding.
        if (cpu == null || server.state() != PowerState.RUNNING || cpu.periodDays() < 1
                || cpu.averagePercent() < context.settings().cpuHighPercent()) {
            return Optional.empty();
        }
        ServerProfile profile = context.profile(server);
        List<Finding> suspicious = confirmed.about(server).stream()
                .filter(ConfirmedFindings::showsNeglect)
                .toList();
        if (!profile.hostsDatabase() && suspicious.isEmpty()) {
            return Optional.empty();
        }
        List<Text> evidence = new ArrayList<>();
        evidence.add(Text.of("cpu-sustained-high.evidence.cpu", Phrases.percent(cpu.averagePercent()),
                Phrases.percent(cpu.maximumPercent()), Phrases.count(cpu.periodDays(), "day"),
                Phrases.percent(context.settings().cpuHighPercent())));
        evidence.add(Text.of("evidence.state", Phrases.state(server)));
        suspicious.forEach(finding -> evidence.add(Phrases.related(finding)));
        Text message = Text.of("cpu-sustained-high.message", server.displayName(),
                Phrases.percent(cpu.averagePercent()), Phrases.count(cpu.periodDays(), "day"),
                Phrases.list(reasons(profile, suspicious)), Text.of(server.provider() == Provider.AZURE
                        ? "cpu-sustained-high.check.azure" : "cpu-sustained-high.check.aws"));
        Finding finding = context.finding(METADATA, server, message, evidence)
                .withRelated(suspicious.stream().map(Finding::fingerprint).toList());
        return Optional.of(profile.hostsDatabase() || forgotten.forgotten(server)
                ? finding.withSeverity(Severity.CRITICAL) : finding);
    }

    private static List<Text> reasons(ServerProfile profile, List<Finding> suspicious) {
        List<Text> reasons = new ArrayList<>();
        if (profile.hostsDatabase()) {
            reasons.add(Text.of("cpu-sustained-high.reason.database"));
        }
        if (suspicious.stream().anyMatch(f -> f.ruleId().startsWith("legacy-"))) {
            reasons.add(Text.of("cpu-sustained-high.reason.legacy"));
        }
        if (suspicious.stream().anyMatch(f -> f.ruleId().equals(StaleServerRule.METADATA.id()))) {
            reasons.add(Text.of("cpu-sustained-high.reason.stale"));
        }
        if (suspicious.stream().anyMatch(f -> f.ruleId().startsWith("orphan-"))) {
            reasons.add(Text.of("cpu-sustained-high.reason.orphaned"));
        }
        return reasons;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(CPU_HIGH_PERCENT);
    }
}
