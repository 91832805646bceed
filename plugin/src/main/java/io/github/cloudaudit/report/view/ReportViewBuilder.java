package io.github.cloudaudit.report.view;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.policy.BaselineComparison;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.view.ReportView.About;
import io.github.cloudaudit.report.view.ReportView.BaselineLine;
import io.github.cloudaudit.report.view.ReportView.BaselineNote;
import io.github.cloudaudit.report.view.ReportView.Coverage;
import io.github.cloudaudit.report.view.ReportView.Entry;
import io.github.cloudaudit.report.view.ReportView.Expired;
import io.github.cloudaudit.report.view.ReportView.FindingsTable;
import io.github.cloudaudit.report.view.ReportView.Gap;
import io.github.cloudaudit.report.view.ReportView.RiskSummary;
import io.github.cloudaudit.report.view.ReportView.RuleLine;
import io.github.cloudaudit.report.view.ReportView.ServerEntry;
import io.github.cloudaudit.report.view.ReportView.ServerList;
import io.github.cloudaudit.report.view.ReportView.SeverityCount;
import io.github.cloudaudit.report.view.ReportView.Stat;
import io.github.cloudaudit.report.view.ReportView.Story;
import io.github.cloudaudit.report.view.ReportView.SuppressedSection;
import io.github.cloudaudit.report.view.ReportView.Verdict;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.rules.ForgottenDatabaseRule;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.text.SafeText;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/** Builds the {@link ReportView} of an audit: the only place that decides what the report says. */
public final class ReportViewBuilder {

    /** The rule whose findings the manager's spotlight tells as stories. */
    public static final String FORGOTTEN_DATABASE = ForgottenDatabaseRule.METADATA.id();
    /** The rule the audit raises about what it could not read or collect. */
    public static final String AUDIT_INCOMPLETE = AuditIncompleteRule.METADATA.id();

    /** How much is rendered as markup; the rest is left to scripts, which page through the full data. */
    public record Limits(int findingRows, int serverCards, int suppressedRows, int topFindings, int stories) {
        public static final Limits DEFAULT = new Limits(500, 100, 500, 10, 25);
    }

    private static final Comparator<Entry> REPORT_ORDER = Comparator
            .comparing((Entry e) -> e.finding().severity())
            .thenComparing(e -> e.finding().ruleId())
            .thenComparing(e -> Objects.requireNonNullElse(e.row().resourceName(), e.row().resourceId()),
                    String.CASE_INSENSITIVE_ORDER)
            .thenComparing(e -> e.row().resourceId());

    private final AuditReport report;
    private final Messages m;
    private final Limits limits;
    private final ResourceIndex index;

    public ReportViewBuilder(AuditReport report, Messages messages, Limits limits) {
        this.report = report;
        this.m = messages;
        this.limits = limits;
        this.index = new ResourceIndex(report);
    }

    public ReportView build() {
        List<Entry> entries = report.result().findings().stream()
                .map(f -> {
                    ServerProfile server = index.server(f);
                    return new Entry(f, FindingRow.of(f, server, index, m), server);
                })
                .sorted(REPORT_ORDER).toList();
        List<Entry> open = entries.stream().filter(e -> !e.finding().suppressed()).toList();
        List<Entry> suppressed = entries.stream().filter(e -> e.finding().suppressed()).toList();
        List<ServerEntry> servers = serverCards(entries);
        AuditMetadata meta = report.metadata();
        return new ReportView(m.language(), m.tree(), m.get("report.title"),
                m.format("report.subtitle", m.date(meta.auditDate())),
                verdict(entries.size(), open.size(), suppressed.size()), report.incomplete(),
                risk(open), spotlight(entries), spotlightNote(entries), entries.stream().noneMatch(this::forgotten),
                severityCounts(), coverage(), findingsTable(open), serverList(servers),
                suppressedSection(suppressed), about(),
                open.stream().limit(limits.topFindings()).map(Entry::row).toList(), entries, servers);
    }

    private Verdict verdict(int total, int open, int suppressed) {
        PolicyResult result = report.result();
        String detail = m.format("verdict.detail", total, open, suppressed);
        if (result.failOnSeverity() == null) {
            return new Verdict("none", m.get("verdict.noThreshold"), detail);
        }
        String threshold = severityLabel(result.failOnSeverity());
        if (result.passed()) {
            return new Verdict("pass", m.format(result.baseline().used() ? "verdict.passBaseline" : "verdict.pass",
                    threshold), detail);
        }
        // Gates other than the threshold (maxFindings, an incomplete audit, expired suppressions) say why themselves.
        String gates = String.join("; ", result.violations());
        if (result.failing().isEmpty()) {
            return new Verdict("fail", m.format("verdict.failGate", gates), detail);
        }
        String failing = m.format("verdict.fail", result.failing().size(), threshold);
        return new Verdict("fail", gates.isEmpty() ? failing : failing + "; " + gates, detail);
    }

    private RiskSummary risk(List<Entry> open) {
        List<ServerProfile> databases = report.resources().stream().filter(ServerProfile::hostsDatabase).toList();
        long legacy = databasesWith(databases, open, Category.LEGACY);
        long orphaned = databasesWith(databases, open, Category.ORPHANED);
        long unwatched = databasesWith(databases, open, Category.MONITORING);
        long forgotten = open.stream().filter(this::forgotten).count();
        List<Stat> stats = List.of(
                new Stat(m.number(report.resources().size()), m.get("risk.servers"), false),
                new Stat(m.number(databases.size()), m.get("risk.databases"), false),
                new Stat(m.number(legacy), m.get("risk.legacy"), legacy > 0),
                new Stat(m.number(orphaned), m.get("risk.orphaned"), orphaned > 0),
                new Stat(m.number(unwatched), m.get("risk.unwatched"), unwatched > 0),
                new Stat(m.number(forgotten), m.get("risk.forgotten"), forgotten > 0));
        return new RiskSummary(m.format("risk.sentence", report.resources().size(), databases.size(), legacy,
                orphaned, unwatched), stats);
    }

    /** Database servers with at least one open finding of the category. */
    private long databasesWith(List<ServerProfile> databases, List<Entry> open, Category category) {
        Set<ServerProfile> flagged = Collections.newSetFromMap(new IdentityHashMap<>());
        open.stream().filter(e -> e.server() != null && index.category(e.finding()) == category)
                .forEach(e -> flagged.add(e.server()));
        return databases.stream().filter(flagged::contains).count();
    }

    private boolean forgotten(Entry entry) {
        return entry.finding().ruleId().equals(FORGOTTEN_DATABASE);
    }

    /** The worst forgotten databases, open ones first; a real estate has few, a broken one may have thousands. */
    private List<Story> spotlight(List<Entry> entries) {
        return entries.stream().filter(this::forgotten)
                .sorted(Comparator.comparing((Entry e) -> e.finding().suppressed()))
                .limit(limits.stories()).map(this::story).toList();
    }

    private String spotlightNote(List<Entry> entries) {
        long forgotten = entries.stream().filter(this::forgotten).count();
        return forgotten > limits.stories() ? m.format("spotlight.truncated", limits.stories(), forgotten) : null;
    }

    private Story story(Entry entry) {
        ServerProfile profile = entry.server();
        FindingRow row = entry.row();
        List<Fact> facts = new ArrayList<>();
        if (profile != null) {
            Server s = profile.server();
            // A managed database has no operating system of its own to name.
            String what = s.kind() == ResourceKind.MANAGED_DATABASE
                    ? m.format("spotlight.whatValueManaged", Words.enumLabel("kind", s.kind(), m),
                            Words.orUnknown(profile.engineLabel(), m))
                    : m.format("spotlight.whatValue", Words.enumLabel("kind", s.kind(), m),
                            Words.orUnknown(profile.engineLabel(), m), Words.orUnknown(profile.osLabel(), m));
            facts.add(new Fact(m.get("spotlight.what"), what));
            facts.add(new Fact(m.get("spotlight.where"), m.format("spotlight.whereValue",
                    Words.provider(s.provider(), m), Words.orUnknown(s.account(), m), Words.orUnknown(s.region(), m))));
            facts.add(new Fact(m.get("spotlight.since"), m.format("spotlight.sinceValue", m.date(s.launchedOn()),
                    Words.enumLabel("state", s.state(), m), m.date(s.stateSince()))));
            facts.add(new Fact(m.get("spotlight.owner"), profile.owner() == null ? m.get("spotlight.noOwner") : profile.owner()));
            facts.add(new Fact(m.get("spotlight.data"), profile.classification() == null
                    ? m.get("value.notClassified") : profile.classification()));
        } else {
            facts.add(new Fact(m.get("spotlight.where"), m.format("spotlight.whereValue", row.provider(), row.account(),
                    row.region())));
        }
        String owner = profile == null ? null : SafeText.line(profile.owner());
        return new Story(row.resourceName() == null ? row.resourceId() : row.resourceName(), row.resourceId(),
                row.severityKey(), row.severityLabel(), row.suppressed(),
                facts.stream().map(fact -> new Fact(fact.label(), SafeText.line(fact.value()))).toList(), row.message(),
                owner == null ? m.get("spotlight.firstStepValue") : m.format("spotlight.firstStepOwnedValue", owner));
    }

    private List<SeverityCount> severityCounts() {
        return report.result().countsBySeverity().entrySet().stream()
                .map(e -> new SeverityCount(e.getKey().name().toLowerCase(Locale.ROOT), severityLabel(e.getKey()),
                        m.number(e.getValue()), e.getValue()))
                .toList();
    }

    private Coverage coverage() {
        List<Server> servers = report.inventory().servers();
        long accounts = servers.stream().map(s -> s.provider() + "/" + s.account()).distinct().count();
        long regions = servers.stream().map(Server::region).filter(Objects::nonNull).distinct().count();
        List<SourceFile> sources = report.inventory().sources();
        List<Fact> read = sources.stream().filter(s -> s.skipped() == null)
                .map(s -> new Fact(s.path(), Words.orUnknown(s.format(), m))).toList();
        List<Fact> skipped = sources.stream().filter(s -> s.skipped() != null)
                .map(s -> new Fact(s.path(), s.skipped())).toList();
        List<Gap> gaps = report.inventory().gaps().stream().map(this::gap).toList();
        List<String> incomplete = report.result().findings().stream()
                .filter(f -> f.ruleId().equals(AUDIT_INCOMPLETE)).map(Finding::message).toList();
        String statement = m.format("coverage.statement", servers.size(), accounts, regions, read.size(), skipped.size());
        boolean complete = !report.incomplete();
        return new Coverage(statement, complete, m.get(complete ? "coverage.complete" : "coverage.incomplete"),
                read, skipped, gaps, incomplete);
    }

    private Gap gap(CoverageGap gap) {
        String where = Stream.of(gap.provider() == null ? null : Words.provider(gap.provider(), m),
                        gap.account(), gap.region())
                .filter(Objects::nonNull).collect(Collectors.joining(" / "));
        return new Gap(where.isEmpty() ? m.get("value.dash") : where, gap.what(), Words.orUnknown(gap.reason(), m));
    }

    private FindingsTable findingsTable(List<Entry> open) {
        boolean truncated = open.size() > limits.findingRows();
        return new FindingsTable(m.number(open.size()), truncated,
                truncated ? m.format("findings.truncated", limits.findingRows(), open.size()) : null,
                open.stream().limit(limits.findingRows()).map(Entry::row).toList(), FindingRow.BLANK);
    }

    /** Servers worst first: by their worst open finding, then by how many open findings they have. */
    private List<ServerEntry> serverCards(List<Entry> entries) {
        Map<ServerProfile, List<Entry>> byServer = new IdentityHashMap<>();
        entries.stream().filter(e -> e.server() != null)
                .forEach(e -> byServer.computeIfAbsent(e.server(), k -> new ArrayList<>()).add(e));
        Map<ServerProfile, long[]> rank = new IdentityHashMap<>();
        for (ServerProfile profile : report.resources()) {
            List<Entry> open = byServer.getOrDefault(profile, List.of()).stream()
                    .filter(e -> !e.finding().suppressed()).toList();
            rank.put(profile, new long[]{open.isEmpty() ? Severity.values().length
                    : open.get(0).finding().severity().ordinal(), -open.size()});
        }
        return report.resources().stream()
                .sorted(Comparator.comparingLong((ServerProfile p) -> rank.get(p)[0])
                        .thenComparingLong(p -> rank.get(p)[1])
                        .thenComparing(p -> p.server().displayName(), String.CASE_INSENSITIVE_ORDER))
                .map(p -> new ServerEntry(p, ServerCard.of(p,
                        byServer.getOrDefault(p, List.of()).stream().map(Entry::row).toList(), m)))
                .toList();
    }

    private ServerList serverList(List<ServerEntry> servers) {
        boolean truncated = servers.size() > limits.serverCards();
        return new ServerList(m.number(servers.size()), truncated,
                truncated ? m.format("servers.truncated", limits.serverCards(), servers.size()) : null,
                servers.stream().limit(limits.serverCards()).map(ServerEntry::card).toList(),
                new ServerCard("", "", "", "", "", List.of(), List.of(), List.of()));
    }

    private SuppressedSection suppressedSection(List<Entry> suppressed) {
        boolean truncated = suppressed.size() > limits.suppressedRows();
        List<Expired> expired = report.result().expired().stream()
                .map(s -> new Expired(s.rule(), s.resource(), s.justification(), String.valueOf(s.expires()), s.origin()))
                .toList();
        List<Expired> unused = report.result().unused().stream()
                .map(s -> new Expired(s.rule(), s.resource(), s.justification(), null, s.origin()))
                .toList();
        return new SuppressedSection(m.number(suppressed.size()), !suppressed.isEmpty(),
                suppressed.stream().limit(limits.suppressedRows()).map(Entry::row).toList(), truncated,
                truncated ? m.format("suppressed.truncated", limits.suppressedRows(), suppressed.size()) : null, expired,
                unused, baselineNote());
    }

    private BaselineNote baselineNote() {
        BaselineComparison baseline = report.result().baseline();
        if (!baseline.used()) {
            return null;
        }
        List<Finding> unsuppressed = report.result().findings().stream().filter(f -> !f.suppressed()).toList();
        List<BaselineLine> fresh = unsuppressed.stream().filter(baseline::isNew).limit(limits.suppressedRows())
                .map(f -> new BaselineLine(f.severity().name().toLowerCase(Locale.ROOT), severityLabel(f.severity()),
                        f.ruleId(), f.resourceId())).toList();
        List<BaselineLine> existing = unsuppressed.stream().filter(f -> !baseline.isNew(f))
                .limit(limits.suppressedRows())
                .map(f -> new BaselineLine(f.severity().name().toLowerCase(Locale.ROOT), severityLabel(f.severity()),
                        f.ruleId(), f.resourceId())).toList();
        List<BaselineLine> fixed = baseline.fixed().stream().limit(limits.suppressedRows())
                .map(e -> new BaselineLine("", e.severity(), e.rule(), e.resource())).toList();
        long freshCount = unsuppressed.stream().filter(baseline::isNew).count();
        return new BaselineNote(m.format("baseline.counts", freshCount, unsuppressed.size() - freshCount,
                baseline.fixed().size()), fresh, existing, fixed);
    }

    private About about() {
        AuditMetadata meta = report.metadata();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(m.get("about.auditDate"), Words.orUnknown(meta.auditDate(), m)));
        facts.add(new Fact(m.get("about.generatedAt"), meta.generatedAt() == null ? m.get("value.unknown")
                : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(meta.generatedAt().atOffset(ZoneOffset.UTC).withNano(0)) + " UTC"));
        facts.add(new Fact(m.get("about.pluginVersion"), Words.orUnknown(meta.pluginVersion(), m)));
        facts.add(new Fact(m.get("about.duration"), meta.duration() == null ? m.get("value.unknown")
                : m.format("about.durationValue", meta.duration().toMillis() / 1000.0)));
        facts.add(new Fact(m.get("about.threshold"), report.result().failOnSeverity() == null
                ? m.get("about.noThreshold") : severityLabel(report.result().failOnSeverity())));
        facts.add(new Fact(m.get("about.ruleSet"), m.format("about.ruleSetValue", report.rules().size())));
        List<RuleLine> rules = report.rules().stream().sorted(Comparator.comparing(RuleMetadata::id))
                .map(r -> new RuleLine(r.id(), r.title(), Words.enumLabel("category", r.category(), m),
                        r.severity().name().toLowerCase(Locale.ROOT), severityLabel(r.severity())))
                .toList();
        return new About(facts, meta.inputs(), rules,
                meta.configuration().isEmpty() ? null : meta.configuration());
    }

    private String severityLabel(Severity severity) {
        return Words.enumLabel("severity", severity, m);
    }
}
