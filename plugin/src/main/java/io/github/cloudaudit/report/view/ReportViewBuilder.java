package io.github.cloudaudit.report.view;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
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
import io.github.cloudaudit.report.view.ReportView.Unknown;
import io.github.cloudaudit.report.view.ReportView.RiskSummary;
import io.github.cloudaudit.report.view.ReportView.RuleLine;
import io.github.cloudaudit.report.view.ReportView.ServerEntry;
import io.github.cloudaudit.report.view.ReportView.ServerList;
import io.github.cloudaudit.report.view.ReportView.SeverityCount;
import io.github.cloudaudit.report.view.ReportView.Stat;
import io.github.cloudaudit.report.view.ReportView.Story;
import io.github.cloudaudit.report.view.ReportView.SuppressedSection;
import io.github.cloudaudit.report.view.ReportView.Verdict;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.rules.ForgottenDatabaseRule;
import io.github.cloudaudit.rules.RuleTexts;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.rules.ThreatCryptominingRule;
import io.github.cloudaudit.report.RiskRanking.ServerRisk;
import io.github.cloudaudit.text.SafeText;
import io.github.cloudaudit.text.TextArg;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/** Builds the {@link ReportView} of an audit: the only place that decides what the report says. */
public final class ReportViewBuilder {

    /** The rules whose findings the manager's spotlight tells as stories: evidence of compromise, then neglect. */
    public static final String FORGOTTEN_DATABASE = ForgottenDatabaseRule.METADATA.id();
    public static final String CRYPTOMINING = ThreatCryptominingRule.METADATA.id();
    /** The rule the audit raises about what it could not read or collect. */
    public static final String AUDIT_INCOMPLETE = AuditIncompleteRule.METADATA.id();

    /** How much is rendered as markup; the rest is left to scripts, which page through the full data. */
    public record Limits(int findingRows, int serverCards, int suppressedRows, int topFindings, int stories) {
        public static final Limits DEFAULT = new Limits(500, 100, 500, 10, 25);
    }

    private final AuditReport report;
    private final Messages m;
    private final Limits limits;
    private final ResourceIndex index;

    public ReportViewBuilder(AuditReport report, Messages messages, Limits limits) {
        this.report = report;
        this.m = messages;
        this.limits = limits;
        this.index = new ResourceIndex(report, messages.language());
    }

    public ReportView build() {
        List<Entry> entries = inReportOrder().stream().map(this::entry).toList();
        List<Entry> open = entries.stream().filter(e -> !e.finding().suppressed()).toList();
        List<Entry> suppressed = entries.stream().filter(e -> e.finding().suppressed()).toList();
        List<ServerRisk> ranking = report.ranking();
        List<ServerEntry> servers = serverCards(entries, ranking);
        return view(open.stream().map(Entry::finding).toList(), suppressed.size(), storyEntries(entries, ranking),
                ranking, findingsTable(open.size(), rows(open, limits.findingRows())), serverList(servers),
                rows(suppressed, limits.suppressedRows()), rows(open, limits.topFindings()), entries, servers);
    }

    /**
     * The view the Markdown summary renders: the verdict and counts over every finding, but rows only for what it
     * can show (top findings, stories, the first rows of the findings and suppressed tables), so the summary of
     * 100,000 servers does not put every finding into words to list ten. Server cards and the full lists of entries
     * and servers, which only the HTML report's data needs, are null.
     */
    public ReportView summary() {
        List<Finding> ranked = inReportOrder();
        List<Finding> open = ranked.stream().filter(f -> !f.suppressed()).toList();
        List<Finding> suppressed = ranked.stream().filter(Finding::suppressed).toList();
        List<ServerRisk> ranking = report.ranking();
        List<Entry> told = ranked.stream().filter(f -> told(f.ruleId())).map(this::entry).toList();
        return view(open, suppressed.size(), storyEntries(told, ranking), ranking,
                findingsTable(open.size(), findingRows(open, limits.findingRows())), null,
                findingRows(suppressed, limits.suppressedRows()), findingRows(open, limits.topFindings()), null, null);
    }

    private ReportView view(List<Finding> open, int suppressed, List<Entry> stories, List<ServerRisk> ranking,
                            FindingsTable findings, ServerList servers, List<FindingRow> suppressedRows,
                            List<FindingRow> top, List<Entry> entries, List<ServerEntry> serverCards) {
        Map<ServerProfile, ServerRisk> risks = new IdentityHashMap<>();
        ranking.forEach(risk -> risks.put(risk.profile(), risk));
        AuditMetadata meta = report.metadata();
        return new ReportView(m.language(), m.tree(), m.get("report.title"),
                m.format("report.subtitle", m.date(meta.auditDate())),
                verdict(open.size() + suppressed, open.size(), suppressed), report.incomplete(),
                risk(open), stories.stream().limit(limits.stories()).map(e -> story(e, risks.get(e.server()))).toList(),
                spotlightNote(stories), stories.isEmpty(),
                severityCounts(), coverage(), findings, servers, suppressedSection(suppressed, suppressedRows), about(),
                top, entries, serverCards);
    }

    /**
     * Every finding worst first: by severity, rule, then resource name (or id) and id as the rows show them. The
     * sort keys are computed once per finding, without the rest of its row.
     */
    private List<Finding> inReportOrder() {
        record Keyed(Finding finding, String nameOrId, String id) {
        }
        return report.result().findings().stream()
                .map(f -> {
                    String id = Words.orDash(f.resourceId(), m);
                    return new Keyed(f, Objects.requireNonNullElse(FindingRow.name(f, m), id), id);
                })
                .sorted(Comparator.comparing((Keyed k) -> k.finding().severity())
                        .thenComparing(k -> k.finding().ruleId())
                        .thenComparing(Keyed::nameOrId, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Keyed::id))
                .map(Keyed::finding).toList();
    }

    private Entry entry(Finding finding) {
        ServerProfile server = index.server(finding);
        return new Entry(finding, FindingRow.of(finding, server, index, m), server);
    }

    private static List<FindingRow> rows(List<Entry> entries, int limit) {
        return entries.stream().limit(limit).map(Entry::row).toList();
    }

    private List<FindingRow> findingRows(List<Finding> findings, int limit) {
        return findings.stream().limit(limit).map(this::entry).map(Entry::row).toList();
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
        String gates = result.gates().stream().map(gate -> RuleTexts.render(m.language(), gate))
                .collect(Collectors.joining("; "));
        if (result.failing().isEmpty()) {
            return new Verdict("fail", m.format("verdict.failGate", gates), detail);
        }
        String failing = m.format("verdict.fail", result.failing().size(), threshold);
        return new Verdict("fail", gates.isEmpty() ? failing : failing + "; " + gates, detail);
    }

    private RiskSummary risk(List<Finding> open) {
        List<ServerProfile> databases = report.resources().stream().filter(ServerProfile::hostsDatabase).toList();
        long legacy = databasesWith(databases, open, Category.LEGACY);
        long orphaned = databasesWith(databases, open, Category.ORPHANED);
        long unwatched = databasesWith(databases, open, Category.MONITORING);
        long forgotten = open.stream().filter(f -> f.ruleId().equals(FORGOTTEN_DATABASE)).count();
        long mined = open.stream().filter(f -> f.ruleId().equals(CRYPTOMINING)).map(index::server)
                .filter(Objects::nonNull).distinct().count();
        List<Stat> stats = List.of(
                new Stat(m.number(report.resources().size()), m.get("risk.servers"), false),
                new Stat(m.number(databases.size()), m.get("risk.databases"), false),
                new Stat(m.number(legacy), m.get("risk.legacy"), legacy > 0),
                new Stat(m.number(orphaned), m.get("risk.orphaned"), orphaned > 0),
                new Stat(m.number(unwatched), m.get("risk.unwatched"), unwatched > 0),
                new Stat(m.number(forgotten), m.get("risk.forgotten"), forgotten > 0),
                new Stat(m.number(mined), m.get("risk.mined"), mined > 0));
        return new RiskSummary(m.format("risk.sentence", report.resources().size(), databases.size(), legacy,
                orphaned, unwatched), stats);
    }

    /** Database servers with at least one open finding of the category. */
    private long databasesWith(List<ServerProfile> databases, List<Finding> open, Category category) {
        Set<ServerProfile> flagged = Collections.newSetFromMap(new IdentityHashMap<>());
        open.stream().filter(f -> index.category(f) == category).map(index::server).filter(Objects::nonNull)
                .forEach(flagged::add);
        return databases.stream().filter(flagged::contains).count();
    }

    /**
     * One story per server with evidence of compromise or a forgotten database, told from its most telling finding
     * (mining before neglect), open ones first and then most at risk first; a real estate has few, a broken one may
     * have thousands.
     */
    private List<Entry> storyEntries(List<Entry> entries, List<ServerRisk> ranking) {
        Map<ServerProfile, Integer> rank = new IdentityHashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            rank.put(ranking.get(i).profile(), i);
        }
        Map<Object, Entry> byServer = new LinkedHashMap<>();
        entries.stream().filter(e -> told(e.finding().ruleId()))
                .sorted(Comparator.comparing((Entry e) -> e.finding().suppressed())
                        .thenComparing(e -> !e.finding().ruleId().equals(CRYPTOMINING)))
                .forEach(e -> byServer.putIfAbsent(e.server() == null ? e : e.server(), e));
        return byServer.values().stream()
                .sorted(Comparator.comparing((Entry e) -> e.finding().suppressed())
                        .thenComparingInt(e -> rank.getOrDefault(e.server(), Integer.MAX_VALUE)))
                .toList();
    }

    private static boolean told(String ruleId) {
        return ruleId.equals(FORGOTTEN_DATABASE) || ruleId.equals(CRYPTOMINING);
    }

    private String spotlightNote(List<Entry> stories) {
        return stories.size() > limits.stories()
                ? m.format("spotlight.truncated", limits.stories(), stories.size()) : null;
    }

    private Story story(Entry entry, ServerRisk risk) {
        ServerProfile profile = entry.server();
        FindingRow row = entry.row();
        List<Fact> facts = new ArrayList<>();
        if (profile != null) {
            Server s = profile.server();
            // A managed database has no operating system of its own to name; "running unknown" would read badly.
            String kind = Words.enumLabel("kind", s.kind(), m);
            String what = s.kind() == ResourceKind.MANAGED_DATABASE
                    ? m.format("spotlight.whatValueManaged", kind, Words.orUnknown(profile.engineLabel(), m))
                    : profile.engineLabel() == null
                    ? m.format("spotlight.whatValueEngineUnknown", kind, Words.orUnknown(profile.osLabel(), m))
                    : m.format("spotlight.whatValue", kind, profile.engineLabel(), Words.orUnknown(profile.osLabel(), m));
            facts.add(new Fact(m.get("spotlight.what"), what));
            facts.add(new Fact(m.get("spotlight.where"), m.format("spotlight.whereValue",
                    Words.provider(s.provider(), m), Words.orUnknown(s.account(), m), Words.orUnknown(s.region(), m))));
            facts.add(new Fact(m.get("spotlight.since"), m.format("spotlight.sinceValue", m.date(s.launchedOn()),
                    Words.enumLabel("state", s.state(), m), m.date(s.stateSince()))));
            facts.add(new Fact(m.get("spotlight.owner"), profile.owner() == null ? m.get("spotlight.noOwner") : profile.owner()));
            facts.add(new Fact(m.get("spotlight.data"), profile.classification() == null
                    ? m.get("value.notClassified") : profile.classification()));
            facts.add(riskFact(risk));
        } else {
            facts.add(new Fact(m.get("spotlight.where"), m.format("spotlight.whereValue", row.provider(), row.account(),
                    row.region())));
        }
        String owner = profile == null ? null : SafeText.line(profile.owner());
        boolean compromised = risk != null && risk.findings().stream().anyMatch(f -> f.ruleId().equals(CRYPTOMINING));
        String firstStep = compromised ? m.get("spotlight.firstStepIncident")
                : owner == null ? m.get("spotlight.firstStepValue") : m.format("spotlight.firstStepOwnedValue", owner);
        return new Story(row.resourceName() == null ? row.resourceId() : row.resourceName(), row.resourceId(),
                row.severityKey(), row.severityLabel(), row.suppressed(),
                facts.stream().map(fact -> new Fact(fact.label(), SafeText.line(fact.value()))).toList(),
                row.message(), firstStep);
    }

    /** "90 of 100: Threat (threat-cryptomining); Risk (risk-forgotten-database)", in the report's language. */
    private Fact riskFact(ServerRisk risk) {
        String reasons = risk == null ? "" : risk.reasons().stream()
                .map(r -> m.get("category." + r.category().name().toLowerCase(Locale.ROOT)) + " ("
                        + String.join(", ", r.ruleIds()) + ")")
                .collect(Collectors.joining("; "));
        return new Fact(m.get("spotlight.risk"), m.format("spotlight.riskValue", risk == null ? 0 : risk.score(),
                reasons.isEmpty() ? m.get("value.none") : reasons));
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
                .map(s -> new Fact(s.path(), s.why() == null ? s.skipped() : RuleTexts.render(m.language(), s.why())))
                .toList();
        List<Gap> gaps = report.inventory().gaps().stream().map(this::gap).toList();
        List<String> incomplete = report.result().findings().stream()
                .filter(f -> f.ruleId().equals(AUDIT_INCOMPLETE)).map(f -> RuleTexts.message(m.language(), f)).toList();
        String statement = m.format("coverage.statement", servers.size(), accounts, regions, read.size(), skipped.size());
        boolean complete = !report.incomplete();
        boolean anyCpu = servers.stream().anyMatch(s -> s.cpu() != null);
        return new Coverage(statement, complete, m.get(complete ? "coverage.complete" : "coverage.incomplete"),
                read, skipped, gaps, incomplete, unknowns(),
                servers.isEmpty() || anyCpu ? null : m.get("coverage.miningUnchecked"));
    }

    /**
     * Unverified findings grouped by provider, account, region, rule and the input that would settle them: "12 servers
     * in account X, region Y: flow logs unknown, export aws ec2 describe-flow-logs", once, not once per server.
     */
    private List<Unknown> unknowns() {
        record Key(Provider provider, String account, String region, String ruleId, String settledBy) {
        }
        Comparator<Key> order = Comparator.comparing(Key::provider)
                .thenComparing(Key::account, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::region, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::ruleId).thenComparing(Key::settledBy);
        Map<Key, List<Finding>> groups = report.result().findings().stream()
                .filter(f -> !f.verified() && f.provider() != null && AuditContext.settledBy(f) != null)
                .collect(Collectors.groupingBy(f -> new Key(f.provider(), f.account(), f.region(), f.ruleId(),
                        AuditContext.settledBy(f)), () -> new TreeMap<>(order), Collectors.toList()));
        return groups.entrySet().stream().map(e -> {
            Key key = e.getKey();
            RuleMetadata rule = index.rule(key.ruleId());
            return new Unknown(m.format("coverage.unknownWhere", Words.provider(key.provider(), m),
                    Words.orUnknown(key.account(), m), key.region() == null ? 0 : 1, Words.orDash(key.region(), m)),
                    m.format("coverage.unknownWhat", e.getValue().size(), rule == null ? key.ruleId() : rule.title()),
                    settledBy(e.getValue().get(0)));
        }).toList();
    }

    /** The input that would settle a finding, in the report's language where the finding's texts allow. */
    private String settledBy(Finding finding) {
        TextArg input = AuditContext.settledByText(finding);
        return input == null ? AuditContext.settledBy(finding)
                : RuleTexts.render(m.language(), input);
    }

    private Gap gap(CoverageGap gap) {
        String where = Stream.of(gap.provider() == null ? null : Words.provider(gap.provider(), m),
                        gap.account(), gap.region())
                .filter(Objects::nonNull).collect(Collectors.joining(" / "));
        return new Gap(where.isEmpty() ? m.get("value.dash") : where, gap.what(), Words.orUnknown(gap.reason(), m));
    }

    private FindingsTable findingsTable(int open, List<FindingRow> firstRows) {
        boolean truncated = open > limits.findingRows();
        return new FindingsTable(m.number(open), truncated,
                truncated ? m.format("findings.truncated", limits.findingRows(), open) : null,
                firstRows, FindingRow.BLANK);
    }

    /** Servers most at risk first, each with its risk score and reasons first among its facts. */
    private List<ServerEntry> serverCards(List<Entry> entries, List<ServerRisk> ranking) {
        Map<ServerProfile, List<Entry>> byServer = new IdentityHashMap<>();
        entries.stream().filter(e -> e.server() != null)
                .forEach(e -> byServer.computeIfAbsent(e.server(), k -> new ArrayList<>()).add(e));
        return ranking.stream()
                .map(risk -> new ServerEntry(risk.profile(), ServerCard.of(risk.profile(), riskFact(risk),
                        byServer.getOrDefault(risk.profile(), List.of()).stream().map(Entry::row).toList(), m)))
                .toList();
    }

    private ServerList serverList(List<ServerEntry> servers) {
        boolean truncated = servers.size() > limits.serverCards();
        return new ServerList(m.number(servers.size()), truncated,
                truncated ? m.format("servers.truncated", limits.serverCards(), servers.size()) : null,
                servers.stream().limit(limits.serverCards()).map(ServerEntry::card).toList(),
                new ServerCard("", "", "", "", "", List.of(), List.of(), List.of()));
    }

    private SuppressedSection suppressedSection(int suppressed, List<FindingRow> firstRows) {
        boolean truncated = suppressed > limits.suppressedRows();
        List<Expired> expired = report.result().expired().stream()
                .map(s -> new Expired(s.rule(), s.resource(), s.justification(), String.valueOf(s.expires()), s.origin()))
                .toList();
        List<Expired> unused = report.result().unused().stream()
                .map(s -> new Expired(s.rule(), s.resource(), s.justification(), null, s.origin()))
                .toList();
        return new SuppressedSection(m.number(suppressed), suppressed > 0, firstRows, truncated,
                truncated ? m.format("suppressed.truncated", limits.suppressedRows(), suppressed) : null, expired,
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
        List<RuleLine> rules = report.rules().stream().map(rule -> index.rule(rule.id()))
                .sorted(Comparator.comparing(RuleMetadata::id))
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
