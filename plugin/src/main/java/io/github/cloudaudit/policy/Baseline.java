package io.github.cloudaudit.policy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings a team accepted when it adopted the audit: with a baseline, only findings not in it count for the
 * verdict, and baseline findings that went away are listed as fixed.
 *
 * @param source  where it was read from, for messages; null for {@link #NONE}
 * @param entries the accepted findings
 */
public record Baseline(String source, List<BaselineEntry> entries) {

    /** No baseline: every finding is new. */
    public static final Baseline NONE = new Baseline(null, List.of());

    public Baseline {
        entries = List.copyOf(entries);
    }

    public boolean present() {
        return source != null;
    }

    Map<String, BaselineEntry> byFingerprint() {
        return entries.stream().collect(Collectors.toMap(BaselineEntry::fingerprint, Function.identity(), (a, b) -> a));
    }
}
