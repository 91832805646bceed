package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.CaseFold;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** A server tagged as decommissioned, to be deleted or retired, that still exists. */
public final class OrphanDecommissionedRule extends PerServerRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "orphan-decommissioned",
            "Server tagged as decommissioned but still there",
            Category.ORPHANED,
            Severity.MEDIUM,
            "Someone marked this server for removal and it was never removed. Nobody patches or watches a "
                    + "server everyone believes is gone, yet it still holds its data and, if running, can still "
                    + "be reached.",
            "Confirm with the owner that it is no longer needed, take a final snapshot or backup if the data "
                    + "must be kept, then delete the server and its disks. If it is still in use, remove the "
                    + "decommission tag and give it an owner.",
            List.of("AWS Config required-tags (lifecycle tag policies)",
                    "CIS Controls v8 1.1 Establish and Maintain Detailed Enterprise Asset Inventory"));

    public static final Setting<List<String>> DECOMMISSION_MARKERS = Setting.texts("decommissionMarkers",
            List.of("decommissioned", "decommission", "retired", "deprecated", "to-delete", "todelete", "delete",
                    "obsolete", "sunset"),
            "Tag values (in any tag) or tag keys that mark a server as on its way out.");

    /** Values that switch a marker used as a tag key off again, e.g. {@code decommissioned=false}. */
    private static final Set<String> NEGATIVE_VALUES = Set.of("false", "no", "n", "0", "off");

    /** Compiled once per marker: the rule runs for every tag of every server. */
    private static final Map<String, Pattern> WORD_PATTERNS = new ConcurrentHashMap<>();

    public OrphanDecommissionedRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        List<String> markers = context.settings().decommissionMarkers();
        FoldedMarkers foldedMarkers = FoldedMarkers.of(context, markers);
        List<String> tags = new ArrayList<>();
        List<Text> evidence = new ArrayList<>();
        // forEach, not entrySet(): the read-only tag map wraps each entry it iterates, for every tag of every server.
        server.tags().forEach((key, value) ->
                markerIn(key, value, markers, foldedMarkers).ifPresent(marker -> {
                    tags.add(key + "=" + value);
                    evidence.add(Text.of("orphan-decommissioned.evidence.tag", key + "=" + value, marker));
                }));
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        evidence.add(Text.of("evidence.state", Phrases.state(server)));
        return Optional.of(context.finding(METADATA, server, Text.of("orphan-decommissioned.message",
                server.displayName(), Text.joined(tags, ", "), Phrases.state(server)), evidence));
    }

    /**
     * The marker a tag carries: as its whole key unless the value says no, or as a word in its value. The value is
     * folded to one case once ({@link CaseFold}); only a value that may hold a marker is searched for each folded
     * marker, and only a value that holds one is matched with the marker's regular expression. (A cache per distinct
     * value cost more than this search, as most values in a large fleet are names and ids that occur once.)
     */
    private static Optional<String> markerIn(String key, String value, List<String> markers,
                                             FoldedMarkers foldedMarkers) {
        String trimmedKey = key.trim();
        String folded = CaseFold.of(value);
        boolean mayHoldOne = foldedMarkers.mayHoldOne(folded);
        for (int i = 0; i < markers.size(); i++) {
            String marker = markers.get(i);
            if (trimmedKey.equalsIgnoreCase(marker)
                    && !NEGATIVE_VALUES.contains(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(marker);
            }
            if (mayHoldOne && folded.contains(foldedMarkers.marker(i)) && containsWord(value, marker)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }

    /** True when the marker stands in the text on its own: "decommissioned 2023", "old-to-delete", not "deleted". */
    private static boolean containsWord(String text, String marker) {
        return WORD_PATTERNS.computeIfAbsent(marker, m -> Pattern.compile(
                "(?<![\\p{Alnum}])" + Pattern.quote(m) + "(?![\\p{Alnum}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(text).find();
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(DECOMMISSION_MARKERS);
    }
}
