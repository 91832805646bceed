package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.lifecycle.LifecycleCatalog;
import io.github.cloudaudit.lifecycle.Release;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.parallel.InOrder;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Everything a rule may read: the inventory, the fixed audit date, the settings, the lifecycle tables and the
 * facts derived once per server. Nothing in it changes while the rules run.
 */
public final class AuditContext {

    private final Inventory inventory;
    private final LocalDate auditDate;
    private final AuditSettings settings;
    private final LifecycleCatalog operatingSystems;
    private final LifecycleCatalog databaseEngines;
    private final DatabaseDetector databaseDetector;
    private final boolean keepTexts;
    // Rules look profiles up millions of times with the inventory's own server objects: identity is enough and cheap.
    private final Map<Server, ServerProfile> profiles = new IdentityHashMap<>();
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    /** A context whose findings keep their texts, for reports in any language. */
    public AuditContext(Inventory inventory, LocalDate auditDate, AuditSettings settings,
                        LifecycleCatalog operatingSystems, LifecycleCatalog databaseEngines) {
        this(inventory, auditDate, settings, operatingSystems, databaseEngines, true);
    }

    /**
     * @param keepTexts whether findings keep their message and evidence as texts ({@link Finding#texts()}) for a
     *                  report in another language than English; an English audit needs only the English strings,
     *                  and a finding's texts take about as much memory again as the rest of it
     */
    public AuditContext(Inventory inventory, LocalDate auditDate, AuditSettings settings,
                        LifecycleCatalog operatingSystems, LifecycleCatalog databaseEngines, boolean keepTexts) {
        this.keepTexts = keepTexts;
        this.inventory = inventory;
        this.auditDate = auditDate;
        this.settings = settings;
        this.operatingSystems = operatingSystems;
        this.databaseEngines = databaseEngines;
        this.databaseDetector = new DatabaseDetector(settings.databaseTags());
        // Every server's profile is its own work, done on all processors where one is spare: while the audit is new,
        // the JIT compiler needs a processor of its own, and on two, working the profiles out on both was no faster.
        List<Server> servers = inventory.servers();
        Stream<Server> each = InOrder.threads() > 1 ? servers.parallelStream() : servers.stream();
        ServerProfile[] computed = each.map(this::profileOf).toArray(ServerProfile[]::new);
        for (int i = 0; i < computed.length; i++) {
            profiles.put(servers.get(i), computed[i]);
        }
    }

    /**
     * A fact derived from the inventory that many servers share, such as what a region's listings say, worked out
     * once per audit for its key. The fact must depend on nothing but its key and the inventory: rules run in
     * parallel, and whichever asks first computes it for all.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Supplier<T> fact) {
        return (T) derived.computeIfAbsent(key, k -> fact.get());
    }

    /** How an unverified finding's evidence names the input that would settle it; the report groups gaps by it. */
    public static final String SETTLED_BY = "would be settled by: ";
    private static final String SETTLED_BY_KEY = "evidence.settledBy";
    /** A text given as it is, for findings told in English only. */
    private static final String VERBATIM = "format.verbatim";

    /** The input that would settle an unverified finding, null for a finding that names none. */
    public static String settledBy(Finding finding) {
        return finding.evidence().stream().filter(line -> line.startsWith(SETTLED_BY))
                .map(line -> line.substring(SETTLED_BY.length())).findFirst().orElse(null);
    }

    /** The input that would settle an unverified finding as a text, null for a finding that names none. */
    public static TextArg settledByText(Finding finding) {
        return finding.texts() == null ? null : finding.texts().evidence().stream()
                .filter(line -> line.key().equals(SETTLED_BY_KEY)).map(line -> line.arguments().get(0))
                .findFirst().orElse(null);
    }

    /** A context with the built-in lifecycle tables. */
    public static AuditContext withBuiltInTables(Inventory inventory, LocalDate auditDate, AuditSettings settings) {
        return new AuditContext(inventory, auditDate, settings,
                LifecycleCatalog.builtIn(LifecycleCatalog.OPERATING_SYSTEMS),
                LifecycleCatalog.builtIn(LifecycleCatalog.DATABASE_ENGINES));
    }

    public Inventory inventory() { return inventory; }
    public LocalDate auditDate() { return auditDate; }
    public AuditSettings settings() { return settings; }
    public LifecycleCatalog operatingSystems() { return operatingSystems; }
    public LifecycleCatalog databaseEngines() { return databaseEngines; }

    public ServerProfile profile(Server server) {
        ServerProfile profile = profiles.get(server);
        if (profile == null) {
            throw new IllegalArgumentException("server " + server.id() + " is not in this audit's inventory");
        }
        return profile;
    }

    /**
     * The severity of a rule on a server: legacy, orphan and monitoring findings are raised one step on a
     * server that hosts a database, and one more when its data is classified as sensitive. A monitoring gap alone
     * stops at HIGH: CRITICAL is kept for evidence of compromise, exposure and the forgotten-database story.
     */
    public Severity severity(RuleMetadata rule, Server server) {
        Severity severity = rule.severity();
        boolean raisable = rule.category() == Category.LEGACY || rule.category() == Category.ORPHANED
                || rule.category() == Category.MONITORING;
        if (raisable) {
            ServerProfile profile = profile(server);
            if (profile.hostsDatabase()) {
                severity = severity.raised();
            }
            if (profile.sensitiveData()) {
                severity = severity.raised();
            }
        }
        return rule.category() == Category.MONITORING ? severity.atMost(Severity.HIGH) : severity;
    }

    /** A confirmed finding of a rule on a server, at the server's severity, with the database evidence added. */
    public Finding finding(RuleMetadata rule, Server server, Text message, List<Text> evidence) {
        return newFinding(rule, server, message, evidence, null);
    }

    /**
     * A finding saying the rule could not verify the server because the inventory lacks the data, and which input
     * would settle it (an export command, a setting). Reported at INFO: unknown is a gap in coverage, which the report's coverage
     * section groups by scope, not a finding that fails builds or makes a healthy server look unhealthy.
     */
    public Finding unverified(RuleMetadata rule, Server server, Text message, TextArg settledBy,
                              List<Text> evidence) {
        return newFinding(rule, server, message, evidence, new Text(SETTLED_BY_KEY, List.of(settledBy)));
    }

    /** @param settledBy the input that would settle an unverified finding, null for a confirmed finding */
    private Finding newFinding(RuleMetadata rule, Server server, Text message, List<Text> evidence,
                               Text settledBy) {
        List<Text> allEvidence = new ArrayList<>(evidence.size() + 3);
        allEvidence.addAll(evidence);
        if (settledBy != null) {
            allEvidence.add(settledBy);
        }
        ServerProfile profile = profile(server);
        if (profile.hostsDatabase() && rule.category() != Category.EXPOSURE) {
            allEvidence.add(Text.of("evidence.hostsDatabase", profile.databaseReason()));
        }
        if (profile.sensitiveData()) {
            allEvidence.add(Text.of("evidence.classification", profile.classification()));
        }
        List<String> english = new ArrayList<>(allEvidence.size());
        for (Text line : allEvidence) {
            english.add(englishEvidence(line));
        }
        boolean verified = settledBy == null;
        return new Finding(rule.id(), verified ? severity(rule, server) : Severity.INFO, server.provider(),
                server.account(), server.region(), server.id(), server.name(), english(message), english, verified,
                server.origin(), List.of(), null, keepTexts ? new Finding.Texts(message, allEvidence) : null);
    }

    /**
     * A finding whose message and evidence are given in one language only, by a rule without texts in the bundles
     * (a rule from elsewhere): every report shows them as given, and only the lines the audit adds are translated.
     */
    public Finding finding(RuleMetadata rule, Server server, String message, List<String> evidence) {
        return finding(rule, server, Text.of(VERBATIM, message), verbatim(evidence));
    }

    /** An unverified finding given in one language only, see {@link #finding(RuleMetadata, Server, String, List)}. */
    public Finding unverified(RuleMetadata rule, Server server, String message, String settledBy,
                              List<String> evidence) {
        return unverified(rule, server, Text.of(VERBATIM, message), new Text.Name(settledBy), verbatim(evidence));
    }

    private static List<Text> verbatim(List<String> lines) {
        return lines.stream().map(line -> Text.of(VERBATIM, line)).toList();
    }

    /** Many evidence lines are the same on every server of a region or fleet: one shared copy each. */
    private static String englishEvidence(Text line) {
        return english(line).intern();
    }

    /** The English rendering a finding keeps as its stable message and evidence. */
    static String english(Text text) {
        return RuleTexts.render("en", text);
    }

    private ServerProfile profileOf(Server server) {
        List<Text> evidence = databaseDetector.evidence(server);
        String osLabel = null;
        LocalDate osEnd = null;
        if (server.os() != null && server.os().product() != null) {
            Optional<Release> release = operatingSystems.find(server.os().product(), server.os().version());
            osLabel = release.map(Release::label).orElse(
                    operatingSystems.productName(server.os().product())
                            + (server.os().version() != null ? " " + server.os().version() : ""));
            osEnd = release.map(Release::endOfSupport).orElse(null);
        }
        String engineLabel = null;
        LocalDate engineEnd = null;
        if (server.engine() != null) {
            Optional<Release> release = databaseEngines.find(server.engine().product(), server.engine().version());
            engineLabel = databaseEngines.productName(server.engine().product())
                    + (server.engine().version() != null ? " " + server.engine().version() : "");
            engineEnd = release.map(Release::endOfSupport).orElse(null);
        }
        String owner = firstTag(server, settings.requiredTags(), value -> !value.isBlank());
        String classification = firstTag(server, settings.classificationTagKeys(), this::sensitive);
        return new ServerProfile(server, !evidence.isEmpty(), evidence.stream().map(AuditContext::english).toList(),
                osLabel, osEnd, engineLabel, engineEnd, owner, classification, List.copyOf(evidence));
    }

    /** The value of the first of these tags that the server has with a wanted value; null when none. */
    private static String firstTag(Server server, List<String> keys, Predicate<String> wanted) {
        // A loop, not a stream: it runs for every server, and a stream per server cost more than the look-ups.
        for (String key : keys) {
            String value = server.tags().get(key);
            if (value != null && wanted.test(value)) {
                return value;
            }
        }
        return null;
    }

    private boolean sensitive(String classification) {
        for (String sensitive : settings.sensitiveClassifications()) {
            if (sensitive.equalsIgnoreCase(classification)) {
                return true;
            }
        }
        return false;
    }
}
