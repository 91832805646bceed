package io.github.cloudaudit.audit;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.lifecycle.LifecycleCatalog;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.policy.Baseline;
import io.github.cloudaudit.policy.BaselineFile;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.policy.RuleOverride;
import io.github.cloudaudit.policy.RuleOverrides;
import io.github.cloudaudit.policy.SuppressionFile;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFiles;
import io.github.cloudaudit.source.InventoryLoader;
import io.github.cloudaudit.source.InventorySource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs one audit through every stage: sources, rules, policy. Reporters then render its result. */
public final class Auditor {

    private final Consumer<String> info;
    private final Consumer<String> warn;

    /**
     * @param info receives one line per stage with its size and duration
     * @param warn receives skipped files and expired suppressions
     */
    public Auditor(Consumer<String> info, Consumer<String> warn) {
        this.info = info;
        this.warn = warn;
    }

    public AuditReport audit(AuditRequest request, String pluginVersion) throws IOException {
        Instant start = Instant.now();
        Stopwatch reading = Stopwatch.start();
        Inventory inventory = collect(request.sources(), request.auditDate());
        if (request.sources().stream().allMatch(source -> source instanceof InventoryFiles)) {
            InventoryLoader.requireSomethingRead(request.sources().stream()
                    .map(source -> ((InventoryFiles) source).path()).toList(), inventory);
        }
        long readFiles = inventory.sources().stream().filter(s -> s.skipped() == null).count();
        List<String> live = request.sources().stream().filter(s -> !(s instanceof InventoryFiles))
                .map(InventorySource::describe).toList();
        info.accept(String.format("Read %d servers from %d file(s)%s in %s", inventory.servers().size(), readFiles,
                live.isEmpty() ? "" : " and " + String.join("; ", live), reading));
        Stopwatch rules = Stopwatch.start();
        AuditContext context = new AuditContext(inventory, request.auditDate(), request.settings(),
                table(LifecycleCatalog.OPERATING_SYSTEMS, request.operatingSystemTable()),
                table(LifecycleCatalog.DATABASE_ENGINES, request.databaseEngineTable()), !english(request.locale()));
        RuleEngine engine = RuleEngine.withBuiltInRules();
        Function<Finding, Map<String, String>> tagsOf = new TagsOfResource(inventory);
        // A disabled rule does not run at all, so its findings are no evidence for the composite rules either.
        RuleEngine enabled = new RuleEngine(engine.rules().stream().filter(rule -> request.policy().ruleOverrides()
                .getOrDefault(rule.metadata().id(), RuleOverride.NONE).enabled()).toList());
        List<Finding> findings = new RuleOverrides(request.policy().ruleOverrides()).apply(enabled.run(context), tagsOf);
        info.accept(String.format("Ran %d rules in %s: %d finding(s)", engine.rules().size(), rules,
                findings.size()));
        List<Suppression> suppressions = request.suppressionFile() == null ? List.of()
                : SuppressionFile.read(request.suppressionFile());
        Baseline baseline = request.policy().baselineFile() == null ? Baseline.NONE
                : BaselineFile.read(request.policy().baselineFile());
        boolean incomplete = !inventory.gaps().isEmpty()
                || findings.stream().anyMatch(f -> f.ruleId().equals(AuditIncompleteRule.METADATA.id()));
        PolicyResult result = new Policy(request.failOnSeverity(), suppressions, request.auditDate(),
                request.policy().gates(), baseline).apply(findings, tagsOf, incomplete);
        result.expired().forEach(s -> warn.accept("Suppression expired on " + s.expires() + " and no longer applies: "
                + s.origin() + " (" + s.rule() + " on " + s.resource() + ")"));
        result.unused().forEach(s -> warn.accept("Suppression matched no finding; remove it if the finding is gone: "
                + s.origin() + " (" + s.rule() + " on " + s.resource() + ")"));
        AuditMetadata metadata = new AuditMetadata(request.auditDate(), pluginVersion, Instant.now(),
                Duration.between(start, Instant.now()),
                request.failOnSeverity() == null ? "NONE" : request.failOnSeverity().name(),
                request.sources().stream().map(InventorySource::describe).toList(), request.locale(),
                request.configuration());
        return new AuditReport(metadata, engine.rules().stream().map(Rule::metadata).toList(),
                inventory.servers().stream().map(context::profile).toList(), result, inventory);
    }

    /**
     * The tags of a finding's server, for rule overrides and suppressions that match by tag. The servers are indexed
     * on the first question, as most audits have no such override or suppression and ask none.
     */
    private static final class TagsOfResource implements Function<Finding, Map<String, String>> {

        private final Inventory inventory;
        private Map<String, Map<String, String>> byKey;

        TagsOfResource(Inventory inventory) {
            this.inventory = inventory;
        }

        @Override
        public synchronized Map<String, String> apply(Finding finding) {
            if (byKey == null) {
                byKey = new HashMap<>();
                inventory.servers().forEach(server -> byKey.put(server.key(), server.tags()));
            }
            String key = Server.key(finding.provider(), finding.account(), finding.resourceId());
            return byKey.getOrDefault(key, Map.of());
        }
    }

    /** Reports in English need no more than the findings' English strings; no language given means English. */
    private static boolean english(String locale) {
        return locale == null || locale.isBlank() || locale.trim().equals("en");
    }

    /** Runs every source into one builder, for a snapshot taken today. */
    public Inventory collect(List<InventorySource> sources) throws IOException {
        return collect(sources, LocalDate.now());
    }

    /** Runs every source into one builder, whose dates must be plausible for an audit on the given date. */
    public Inventory collect(List<InventorySource> sources, LocalDate auditDate) throws IOException {
        InventoryBuilder builder = new InventoryBuilder(auditDate);
        for (InventorySource source : sources) {
            source.collect(builder, new InventorySource.Log(info, warn));
        }
        return builder.build();
    }

    /** The time since a start, as people read it: {@code 2.4 s}. */
    public static String seconds(Instant start) {
        return String.format(java.util.Locale.ROOT, "%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private static LifecycleCatalog table(String builtIn, Path userTable) throws IOException {
        LifecycleCatalog catalog = LifecycleCatalog.builtIn(builtIn);
        return userTable == null ? catalog : catalog.overriddenBy(userTable);
    }
}
