package io.github.cloudaudit.report;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.rules.ServerProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings an output capped at a number of entries keeps: open ones before suppressed ones, the most severe
 * first and, within a severity, those on the servers most at risk ({@link RiskRanking}) first, then in the report's
 * order. What is left out is counted, never silently dropped: the verdict is the policy's, over every finding.
 *
 * @param kept     at most the cap, in that order
 * @param total    all findings of the audit
 */
public record CappedFindings(List<Finding> kept, int total) {

    private record Ranked(Finding finding, int group, int serverRank, int index) {
    }

    private static final Comparator<Ranked> MOST_TELLING_FIRST = Comparator.comparingInt(Ranked::group)
            .thenComparingInt(Ranked::serverRank)
            .thenComparingInt(Ranked::index);

    public CappedFindings {
        kept = List.copyOf(kept);
    }

    public static CappedFindings of(AuditReport report, int max) {
        Map<ServerProfile, Integer> serverRanks = new IdentityHashMap<>();
        List<RiskRanking.ServerRisk> ranking = report.ranking();
        for (int i = 0; i < ranking.size(); i++) {
            serverRanks.put(ranking.get(i).profile(), i);
        }
        List<Finding> findings = report.result().findings();
        List<Ranked> ranked = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            // A finding about no listed server (an account the audit could not read) leads its severity: it says
            // that everything after it may be incomplete.
            ServerProfile server = report.resourceOf(i);
            int serverRank = server == null ? -1 : serverRanks.getOrDefault(server, -1);
            int group = (finding.suppressed() ? 1 : 0) * 100 + finding.severity().ordinal();
            ranked.add(new Ranked(finding, group, serverRank, i));
        }
        ranked.sort(MOST_TELLING_FIRST);
        return new CappedFindings(ranked.stream().limit(max).map(Ranked::finding).toList(), findings.size());
    }

    public int leftOut() {
        return total - kept.size();
    }
}
