package io.github.cloudaudit.report.view;

import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.rules.RuleTexts;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.text.SafeText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything known about one server, for the per-server view.
 *
 * @param severityKey   its worst unsuppressed finding's severity, {@code none} when it has none
 * @param facts         labelled facts in reading order; unknown facts say so
 * @param tags          its tags as key and value
 * @param findings      its findings, worst first
 */
public record ServerCard(String name, String id, String severityKey, String severityLabel, String findingCount,
                         List<Fact> facts, List<Fact> tags, List<FindingRef> findings) {

    /** A finding listed under its server. */
    public record FindingRef(String severityKey, String severityLabel, String ruleId, String message,
                             boolean suppressed) {
    }

    /** The card of a server; its risk comes first among its facts. */
    static ServerCard of(ServerProfile profile, Fact risk, List<FindingRow> rows, Messages messages) {
        Server server = profile.server();
        List<FindingRef> refs = rows.stream().map(r -> new FindingRef(r.severityKey(), r.severityLabel(), r.ruleId(),
                r.message(), r.suppressed())).toList();
        FindingRow worst = rows.stream().filter(r -> !r.suppressed()).findFirst().orElse(null);
        long open = rows.stream().filter(r -> !r.suppressed()).count();
        return new ServerCard(SafeText.line(server.displayName()), SafeText.line(server.id()),
                worst == null ? "none" : worst.severityKey(),
                worst == null ? messages.get("servers.clean") : worst.severityLabel(),
                messages.format("servers.findingCount", open, rows.size() - open),
                Stream.concat(Stream.of(risk), facts(profile, messages).stream()).toList(),
                server.tags().entrySet().stream()
                        .map(e -> new Fact(SafeText.line(e.getKey()), SafeText.line(e.getValue()))).toList(),
                refs);
    }

    static List<Fact> facts(ServerProfile profile, Messages m) {
        Server s = profile.server();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(m.get("server.kind"), Words.enumLabel("kind", s.kind(), m)));
        facts.add(new Fact(m.get("server.provider"), Words.provider(s.provider(), m)));
        facts.add(new Fact(m.get("server.account"), Words.orUnknown(s.account(), m)));
        facts.add(new Fact(m.get("server.region"), Words.orUnknown(s.region(), m)));
        facts.add(new Fact(m.get("server.type"), Words.orUnknown(s.type(), m)));
        facts.add(new Fact(m.get("server.state"), s.stateSince() == null ? Words.enumLabel("state", s.state(), m)
                : m.format("server.stateSince", Words.enumLabel("state", s.state(), m), s.stateSince().toString())));
        facts.add(new Fact(m.get("server.launched"), Words.orUnknown(s.launchedOn(), m)));
        facts.add(new Fact(m.get("server.os"), withEndOfSupport(profile.osLabel(), profile.osEndOfSupport(), m)));
        facts.add(new Fact(m.get("server.engine"), profile.engineLabel() == null && !profile.hostsDatabase()
                ? m.get("value.none") : withEndOfSupport(profile.engineLabel(), profile.engineEndOfSupport(), m)));
        facts.add(new Fact(m.get("server.hostsDatabase"), profile.hostsDatabase()
                ? m.format("server.hostsDatabaseBecause", RuleTexts.render(m.language(), profile.databaseReason()))
                : m.get("value.noEvidence")));
        facts.add(new Fact(m.get("server.owner"), Words.owner(profile, m)));
        facts.add(new Fact(m.get("server.classification"), profile.classification() == null
                ? m.get("value.notClassified") : profile.classification()));
        facts.add(new Fact(m.get("server.image"), Words.orUnknown(s.image(), m)));
        facts.add(new Fact(m.get("server.networks"), s.networkIds().isEmpty() ? m.get("value.unknown")
                : String.join(", ", s.networkIds())));
        facts.add(new Fact(m.get("server.ingress"), s.ingress().isEmpty() ? m.get("value.noneKnown")
                : s.ingress().stream().map(rule -> ingress(rule, m)).collect(Collectors.joining("; "))));
        facts.add(new Fact(m.get("server.public"), Words.yesNoUnknown(s.publiclyAccessible(), m)));
        facts.add(new Fact(m.get("server.disks"), Words.orUnknown(s.attachedDisks(), m)));
        facts.add(new Fact(m.get("server.cpuAlarm"), Words.yesNoUnknown(s.monitoring().cpuAlarm(), m)));
        facts.add(new Fact(m.get("server.detailedMonitoring"), Words.yesNoUnknown(s.monitoring().detailedMonitoring(), m)));
        facts.add(new Fact(m.get("server.agent"), Words.yesNoUnknown(s.monitoring().agent(), m)));
        facts.add(new Fact(m.get("server.cpu"), cpu(s.cpu(), m)));
        facts.add(new Fact(m.get("server.source"), Words.orUnknown(s.origin() == null ? null : s.origin().describe(), m)));
        return facts.stream().map(fact -> new Fact(fact.label(), SafeText.line(fact.value()))).toList();
    }

    private static String withEndOfSupport(String label, LocalDate endOfSupport, Messages m) {
        if (label == null) {
            return m.get("value.unknown");
        }
        return endOfSupport == null ? m.format("server.endOfSupportUnknown", label)
                : m.format("server.endOfSupport", label, endOfSupport.toString());
    }

    private static String ingress(IngressRule rule, Messages m) {
        String ports = rule.fromPort() == null || rule.toPort() == null || rule.fromPort() == -1
                ? m.get("server.allPorts")
                : rule.fromPort().equals(rule.toPort()) ? rule.fromPort().toString() : rule.fromPort() + "-" + rule.toPort();
        return m.format("server.ingressRule", Words.orUnknown(rule.protocol(), m), ports,
                Words.orUnknown(rule.source(), m), Words.orDash(rule.via(), m));
    }

    private static String cpu(CpuStatistics cpu, Messages m) {
        return cpu == null ? m.get("value.unknown")
                : m.format("server.cpuValue", cpu.averagePercent(), cpu.maximumPercent(), cpu.periodDays());
    }
}
