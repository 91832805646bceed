package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The findings of this audit against a baseline.
 *
 * @param used     whether there was a baseline; without one every finding is new and none is fixed
 * @param existing fingerprints of this audit's findings that the baseline holds
 * @param fixed    baseline findings this audit no longer finds
 */
public record BaselineComparison(boolean used, Set<String> existing, List<BaselineEntry> fixed) {

    public static final BaselineComparison NONE = new BaselineComparison(false, Set.of(), List.of());

    public BaselineComparison {
        existing = Set.copyOf(existing);
        fixed = List.copyOf(fixed);
    }

    static BaselineComparison of(Baseline baseline, List<Finding> findings) {
        if (!baseline.present()) {
            return NONE;
        }
        Map<String, BaselineEntry> accepted = baseline.byFingerprint();
        Set<String> current = findings.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        return new BaselineComparison(true,
                current.stream().filter(accepted::containsKey).collect(Collectors.toSet()),
                baseline.entries().stream().filter(e -> !current.contains(e.fingerprint())).toList());
    }

    public boolean isNew(Finding finding) {
        // Without entries to match, hashing every finding's fingerprint would tell nothing.
        return existing.isEmpty() || !existing.contains(finding.fingerprint());
    }

    /** "new", "existing", or null without a baseline: how reports label a finding. */
    public String stateOf(Finding finding) {
        return !used ? null : isNew(finding) ? "new" : "existing";
    }
}
