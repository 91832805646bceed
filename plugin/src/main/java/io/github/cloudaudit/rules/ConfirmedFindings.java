package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Place;
import io.github.cloudaudit.model.Server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of earlier rules, indexed by resource once, so composite rules look a server's findings up in
 * constant time instead of scanning every finding for every server. Confirmed findings prove a fact; unverified
 * ones only say it is not known, and are kept apart.
 */
final class ConfirmedFindings {

    private final Map<Place, List<Finding>> confirmed;
    private final Map<Place, List<Finding>> unverified;

    /**
     * The index of the plain findings, built once per audit and shared by the composite rules that read it: indexing
     * a few hundred thousand findings again for each of them showed in a profile of the rule phase.
     */
    static ConfirmedFindings of(AuditContext context, List<Finding> earlier) {
        return context.derived(new Of(earlier),
                () -> new ConfirmedFindings(earlier, context.inventory().servers().size()));
    }

    /** The index of this very list of findings: one list, compared by identity rather than finding by finding. */
    private record Of(List<Finding> earlier) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Of of && of.earlier == earlier;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(earlier);
        }
    }

    /** @param servers how many servers there are: the maps are made that large at once, not grown by doubling */
    private ConfirmedFindings(List<Finding> earlier, int servers) {
        confirmed = new HashMap<>(servers * 4 / 3 + 1);
        unverified = new HashMap<>(servers * 4 / 3 + 1);
        for (Finding finding : earlier) {
            Place place = new Place(finding.provider(), finding.account(), finding.resourceId());
            (finding.verified() ? confirmed : unverified).computeIfAbsent(place, k -> new ArrayList<>()).add(finding);
        }
    }

    List<Finding> about(Server server) {
        return confirmed.getOrDefault(new Place(server.provider(), server.account(), server.id()), List.of());
    }

    /** The findings that could not be verified for lack of data. */
    List<Finding> unverifiedAbout(Server server) {
        return unverified.getOrDefault(new Place(server.provider(), server.account(), server.id()), List.of());
    }

    /** True for a finding that tells of neglect: outdated software or hardware, never rebuilt, or forgotten. */
    static boolean showsNeglect(Finding finding) {
        return showsAge(finding) || showsOrphan(finding);
    }

    /** Outdated software or hardware, or never rebuilt. */
    static boolean showsAge(Finding finding) {
        String id = finding.ruleId();
        return id.startsWith("legacy-") || id.equals(StaleServerRule.METADATA.id());
    }

    /** Nobody owns it, it was marked for decommissioning, or it has stood stopped with its data for long. */
    static boolean showsOrphan(Finding finding) {
        return finding.ruleId().startsWith("orphan-");
    }
}
