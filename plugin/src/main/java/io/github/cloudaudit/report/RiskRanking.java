package io.github.cloudaudit.report;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.parallel.InOrder;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.text.CaseFold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Every server's risk score (0-100) with its reasons, and the servers most at risk first: the order findings.json,
 * the report's spotlight and servers view, and the build log all follow. The score adds the points of each kind of
 * open, confirmed finding the server has; each kind outweighs all kinds below it together, so evidence of compromise
 * always ranks first, then forgotten databases and mining signatures, exposure, legacy, orphan and monitoring.
 * Unverified findings are gaps in coverage, not risk, and suppressed ones were accepted by someone: neither counts.
 */
public final class RiskRanking {

    /** Points per kind of finding, worst first; each is more than the sum of those after it, and all add up to 100. */
    private static final Map<Category, Integer> POINTS = new EnumMap<>(Map.of(
            Category.THREAT, 52, Category.RISK, 26, Category.EXPOSURE, 12,
            Category.LEGACY, 6, Category.ORPHANED, 3, Category.MONITORING, 1));

    /** One kind of finding that adds to a server's score, with the rules that raised it. */
    public record Reason(Category category, int points, List<String> ruleIds) {
    }

    /**
     * A server's place in the ranking.
     *
     * @param key      the server's {@link io.github.cloudaudit.model.Server#key()}, made once for every output
     * @param worst    the severity of its worst open, confirmed finding; null when it has none
     * @param findings its open, confirmed findings, the most telling first: by the points of their kind, then worst
     */
    public record ServerRisk(ServerProfile profile, String key, int score, List<Reason> reasons, Severity worst,
                             List<Finding> findings) {

        public int openFindings() {
            return findings.size();
        }

        /** The finding that tells most about the server, null when it has none. */
        public Finding headline() {
            return findings.isEmpty() ? null : findings.get(0);
        }
    }

    /**
     * A server's risk with what it is ranked by taken out once, most at risk first: the highest score, then the worst
     * severity, then the most open findings, then the name and the key. Most servers tie on the numbers, and reading
     * them through the risk of each of the two servers, and folding their names' case, in each of a large audit's
     * million comparisons was most of the ranking's time.
     *
     * @param name the display name with its case folded ({@link CaseFold}): two such names compare as
     *             {@link String#CASE_INSENSITIVE_ORDER} compares the names, but for characters beyond the Basic
     *             Multilingual Plane
     */
    private record Ranked(ServerRisk risk, int score, int worst, int openFindings, String name)
            implements Comparable<Ranked> {

        Ranked(ServerRisk risk) {
            this(risk, risk.score(), risk.worst() == null ? Severity.values().length : risk.worst().ordinal(),
                    risk.openFindings(), CaseFold.of(risk.profile().server().displayName()));
        }

        @Override
        public int compareTo(Ranked other) {
            int order = Integer.compare(other.score, score);
            if (order == 0) {
                order = Integer.compare(worst, other.worst);
            }
            if (order == 0) {
                order = Integer.compare(other.openFindings, openFindings);
            }
            if (order == 0) {
                order = name.compareTo(other.name);
            }
            return order != 0 ? order : risk.key().compareTo(other.risk.key());
        }
    }

    private RiskRanking() {
    }

    /** All servers of the report, most at risk first. */
    public static List<ServerRisk> of(AuditReport report) {
        Map<String, Category> categories = new HashMap<>();
        report.rules().forEach(rule -> categories.put(rule.id(), rule.category()));
        Map<ServerProfile, List<Finding>> open = new IdentityHashMap<>();
        List<Finding> findings = report.result().findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            ServerProfile about = finding.verified() && !finding.suppressed() ? report.resourceOf(i) : null;
            if (about != null) {
                open.computeIfAbsent(about, k -> new ArrayList<>()).add(finding);
            }
        }
        List<ServerProfile> profiles = report.resources();
        // Each server's risk depends on nothing but its own findings, so they are worked out and sorted on all
        // processors where one is spare: on two, the JIT compiler needs the second, and two threads were no faster.
        boolean spare = InOrder.threads() > 1;
        Ranked[] ranked = new Ranked[profiles.size()];
        IntStream indexes = IntStream.range(0, ranked.length);
        (spare ? indexes.parallel() : indexes).forEach(i -> ranked[i] = new Ranked(risk(profiles.get(i),
                report.resourceKeyAt(i), open.getOrDefault(profiles.get(i), List.of()), categories)));
        if (spare) {
            Arrays.parallelSort(ranked);
        } else {
            Arrays.sort(ranked);
        }
        List<ServerRisk> risks = new ArrayList<>(ranked.length);
        for (Ranked server : ranked) {
            risks.add(server.risk());
        }
        return risks;
    }

    /** A finding with the points of its kind, the most telling first: by those points, then the worst, then by rule. */
    private record Told(Finding finding, int points) implements Comparable<Told> {

        @Override
        public int compareTo(Told other) {
            int order = Integer.compare(other.points, points);
            if (order == 0) {
                order = finding.severity().compareTo(other.finding.severity());
            }
            return order != 0 ? order : finding.ruleId().compareTo(other.finding.ruleId());
        }
    }

    private static ServerRisk risk(ServerProfile profile, String key, List<Finding> findings,
                                   Map<String, Category> categories) {
        if (findings.isEmpty()) {
            return new ServerRisk(profile, key, 0, List.of(), null, List.of());
        }
        Told[] told = new Told[findings.size()];
        for (int i = 0; i < told.length; i++) {
            Finding finding = findings.get(i);
            Category category = categories.get(finding.ruleId());
            told[i] = new Told(finding, category == null ? 0 : POINTS.getOrDefault(category, 0));
        }
        Arrays.sort(told);
        Finding[] telling = new Finding[told.length];
        Severity worst = told[0].finding().severity();
        for (int i = 0; i < told.length; i++) {
            telling[i] = told[i].finding();
            worst = telling[i].severity().compareTo(worst) < 0 ? telling[i].severity() : worst;
        }
        // Each kind has points of its own, so the findings of a kind stand together, the kind with most points first.
        List<Reason> reasons = new ArrayList<>();
        int score = 0;
        for (int start = 0, end; start < told.length && told[start].points() > 0; start = end) {
            int points = told[start].points();
            TreeSet<String> ruleIds = new TreeSet<>();
            for (end = start; end < told.length && told[end].points() == points; end++) {
                ruleIds.add(telling[end].ruleId());
            }
            reasons.add(new Reason(categories.get(telling[start].ruleId()), points, List.copyOf(ruleIds)));
            score += points;
        }
        return new ServerRisk(profile, key, score, List.copyOf(reasons), worst, List.of(telling));
    }
}
