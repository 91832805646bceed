package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    private static final Map<String, Pattern> WORD_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    public OrphanDecommissionedRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        List<String> markers = context.settings().decommissionMarkers();
        List<String> tags = new ArrayList<>();
        List<Text> evidence = new ArrayList<>();
        // forEach, not entrySet(): the read-only tag map wraps each entry it iterates, for every tag of every server.
        server.tags().forEach((key, value) ->
                markerIn(key, value, markers, wordsIn(context, value, markers)).ifPresent(marker -> {
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
     * The markers that stand as words in a tag value, worked out once per distinct value: a fleet repeats a few
     * values (env=prod, role=db) on many servers, and searching each for every marker again showed in a profile.
     */
    private static Set<String> wordsIn(AuditContext context, String value, List<String> markers) {
        return context.derived(new WordsIn(value, markers), () -> markers.stream()
                .filter(marker -> containsWord(value, marker)).collect(Collectors.toUnmodifiableSet()));
    }

    private record WordsIn(String value, List<String> markers) {
    }

    /** The marker a tag carries: as a word in its value, or as its whole key unless the value says no. */
    private static Optional<String> markerIn(String key, String value, List<String> markers, Set<String> words) {
        for (String marker : markers) {
            boolean keyMarks = key.trim().equalsIgnoreCase(marker)
                    && !NEGATIVE_VALUES.contains(value.trim().toLowerCase(Locale.ROOT));
            if (keyMarks || words.contains(marker)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }

    /** True when the marker stands in the text on its own: "decommissioned 2023", "old-to-delete", not "deleted". */
    private static boolean containsWord(String text, String marker) {
        // Most tag values hold no marker at all; the plain search spares them the regular expression.
        if (!containsIgnoringCase(text, marker)) {
            return false;
        }
        return WORD_PATTERNS.computeIfAbsent(marker, m -> Pattern.compile(
                "(?<![\\p{Alnum}])" + Pattern.quote(m) + "(?![\\p{Alnum}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).matcher(text).find();
    }

    /** A case-insensitive search that, unlike lower-casing both, makes no copy of a tag value per marker. */
    private static boolean containsIgnoringCase(String text, String part) {
        if (part.isEmpty()) {
            return true;
        }
        // The first character is compared as regionMatches compares each one, which spares the full comparison at
        // almost every place of almost every tag value.
        char first = Character.toUpperCase(part.charAt(0));
        for (int at = 0; at + part.length() <= text.length(); at++) {
            if (sameIgnoringCase(Character.toUpperCase(text.charAt(at)), first)
                    && text.regionMatches(true, at, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /** Two upper-cased characters as {@link String#regionMatches(boolean, int, String, int, int)} equates them. */
    private static boolean sameIgnoringCase(char upper, char otherUpper) {
        return upper == otherUpper || Character.toLowerCase(upper) == Character.toLowerCase(otherUpper);
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(DECOMMISSION_MARKERS);
    }
}
