package io.github.cloudaudit.report;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.RiskRanking.Reason;
import io.github.cloudaudit.report.RiskRanking.ServerRisk;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RiskRankingTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);
    private static final List<RuleMetadata> RULES = RuleEngine.withBuiltInRules().rules().stream()
            .map(Rule::metadata).toList();

    private static Server server(String name) {
        return Server.builder().provider(Provider.AWS).id("i-" + name).name(name).account("123456789012")
                .region("eu-west-1").state(PowerState.RUNNING).build();
    }

    private static Finding finding(String rule, Severity severity, Server server, boolean verified) {
        return new Finding(rule, severity, server.provider(), server.account(), server.region(), server.id(),
                server.name(), rule + " on " + server.name(), List.of(), verified, null, List.of(), null);
    }

    private static List<ServerRisk> rank(List<Server> servers, List<Finding> findings, Suppression... suppressions) {
        Inventory inventory = new Inventory(servers, List.of(), List.of(), List.of(), List.of());
        AuditContext context = AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults());
        AuditReport report = new AuditReport(new AuditMetadata(AUDIT_DATE, "test", Instant.EPOCH, Duration.ZERO,
                "HIGH", List.of("inventory"), "en"), RULES, servers.stream().map(context::profile).toList(),
                new Policy(Severity.HIGH, List.of(suppressions), AUDIT_DATE).apply(findings), inventory);
        return RiskRanking.of(report);
    }

    /** Everything but evidence of compromise: forgotten, exposed, legacy, orphaned and unwatched at once. */
    private static List<Finding> everythingButCompromise(Server server) {
        return List.of(finding("risk-forgotten-database", Severity.CRITICAL, server, true),
                finding("cpu-sustained-high", Severity.CRITICAL, server, true),
                finding("db-exposed", Severity.CRITICAL, server, true),
                finding("legacy-os", Severity.HIGH, server, true),
                finding("legacy-db-engine", Severity.HIGH, server, true),
                finding("orphan-no-owner", Severity.MEDIUM, server, true),
                finding("monitoring-no-cpu-alarm", Severity.HIGH, server, true));
    }

    @Test
    void evidenceOfCompromiseAloneOutranksEverythingElseTogether() {
        Server mined = server("mined");
        Server neglected = server("neglected");
        List<Finding> findings = new ArrayList<>(everythingButCompromise(neglected));
        findings.add(finding("threat-cryptomining", Severity.CRITICAL, mined, true));

        List<ServerRisk> ranked = rank(List.of(neglected, mined), findings);

        assertThat(ranked).extracting(r -> r.profile().server().name()).containsExactly("mined", "neglected");
        assertThat(ranked.get(0).score()).isEqualTo(52);
        assertThat(ranked.get(1).score()).isEqualTo(48);
        assertThat(ranked.get(1).reasons()).containsExactly(
                new Reason(Category.RISK, 26, List.of("cpu-sustained-high", "risk-forgotten-database")),
                new Reason(Category.EXPOSURE, 12, List.of("db-exposed")),
                new Reason(Category.LEGACY, 6, List.of("legacy-db-engine", "legacy-os")),
                new Reason(Category.ORPHANED, 3, List.of("orphan-no-owner")),
                new Reason(Category.MONITORING, 1, List.of("monitoring-no-cpu-alarm")));
    }

    /** A server's findings are told by the points of their kind, then the worst first, then by rule. */
    @Test
    void aServersFindingsAreToldMostTellingFirstAndItsWorstIsTheWorstOfAll() {
        Server server = server("mixed");
        List<Finding> findings = List.of(
                finding("monitoring-no-cpu-alarm", Severity.CRITICAL, server, true),
                finding("legacy-os", Severity.MEDIUM, server, true),
                finding("orphan-no-owner", Severity.LOW, server, true),
                finding("stale-server", Severity.HIGH, server, true),
                finding("db-exposed", Severity.MEDIUM, server, true),
                finding("legacy-db-engine", Severity.HIGH, server, true));

        ServerRisk risk = rank(List.of(server), findings).get(0);

        assertThat(risk.findings()).extracting(Finding::ruleId).containsExactly("db-exposed", "legacy-db-engine",
                "stale-server", "legacy-os", "orphan-no-owner", "monitoring-no-cpu-alarm");
        assertThat(risk.headline().ruleId()).isEqualTo("db-exposed");
        assertThat(risk.worst()).isEqualTo(Severity.CRITICAL);
        assertThat(risk.reasons()).extracting(Reason::category, Reason::ruleIds).containsExactly(
                tuple(Category.EXPOSURE, List.of("db-exposed")),
                tuple(Category.LEGACY, List.of("legacy-db-engine", "legacy-os", "stale-server")),
                tuple(Category.ORPHANED, List.of("orphan-no-owner")),
                tuple(Category.MONITORING, List.of("monitoring-no-cpu-alarm")));
        assertThat(risk.score()).isEqualTo(12 + 6 + 3 + 1);
    }

    @Test
    void everyKindOutweighsAllKindsBelowItAndTheMostIsAHundred() {
        Server all = server("all");
        List<Finding> findings = new ArrayList<>(everythingButCompromise(all));
        findings.add(finding("threat-cryptomining", Severity.CRITICAL, all, true));
        assertThat(rank(List.of(all), findings).get(0).score()).isEqualTo(100);

        Server exposed = server("exposed");
        Server belowExposure = server("below");
        List<ServerRisk> ranked = rank(List.of(belowExposure, exposed), List.of(
                finding("db-exposed", Severity.HIGH, exposed, true),
                finding("legacy-os", Severity.CRITICAL, belowExposure, true),
                finding("orphan-no-owner", Severity.CRITICAL, belowExposure, true),
                finding("monitoring-no-agent", Severity.CRITICAL, belowExposure, true)));
        assertThat(ranked).extracting(ServerRisk::score).containsExactly(12, 10);
    }

    @Test
    void unverifiedAndSuppressedFindingsAreNoRisk() {
        Server unknown = server("unknown");
        Server accepted = server("accepted");

        List<ServerRisk> ranked = rank(List.of(unknown, accepted), List.of(
                finding("monitoring-no-cpu-alarm", Severity.INFO, unknown, false),
                finding("db-exposed", Severity.HIGH, accepted, true),
                finding("legacy-os", Severity.MEDIUM, accepted, true)),
                new Suppression("db-exposed", "i-accepted", "Partner access, reviewed", null, "test #1"));

        assertThat(ranked).extracting(r -> r.profile().server().name(), ServerRisk::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("accepted", 6),
                        org.assertj.core.groups.Tuple.tuple("unknown", 0));
        assertThat(ranked.get(1).reasons()).isEmpty();
        assertThat(ranked.get(1).worst()).isNull();
    }

    @Test
    void equalScoresAreRankedByWorstSeverityThenByHowManyThenByName() {
        Server a = server("a");
        Server b = server("b");
        Server c = server("c");
        Server d = server("d");

        List<ServerRisk> ranked = rank(List.of(a, b, c, d), List.of(
                finding("legacy-os", Severity.MEDIUM, a, true),
                finding("legacy-os", Severity.HIGH, b, true),
                finding("legacy-os", Severity.MEDIUM, c, true),
                finding("legacy-db-engine", Severity.MEDIUM, c, true),
                finding("legacy-os", Severity.MEDIUM, d, true)));

        assertThat(ranked).extracting(r -> r.profile().server().name()).containsExactly("b", "c", "a", "d");
        assertThat(ranked).extracting(ServerRisk::score).containsOnly(6);
    }

    /**
     * Names are compared as {@link String#CASE_INSENSITIVE_ORDER} compares them, though the ranking folds each name's
     * case once: random names of letters whose case folding is irregular (ß, ÿ and Ÿ, µ and Μ, dotted and dotless i).
     */
    @Test
    void tiedServersAreInCaseInsensitiveOrderOfTheirNamesThenByKey() {
        String letters = "aAzZ_[0ßÿŸµΜİıiI";
        Random random = new Random(20261201);
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = 1 + random.nextInt(3); name.length() < length; ) {
                name.append(letters.charAt(random.nextInt(letters.length())));
            }
            servers.add(Server.builder().provider(Provider.AWS).id("i-" + i).name(name.toString())
                    .account("123456789012").region("eu-west-1").state(PowerState.RUNNING).build());
        }
        List<String> caseInsensitive = servers.stream().sorted(Comparator.comparing(Server::displayName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(Server::key)).map(Server::key).toList();
        List<String> natural = servers.stream().sorted(Comparator.comparing(Server::displayName)
                .thenComparing(Server::key)).map(Server::key).toList();

        assertThat(rank(servers, List.of())).extracting(r -> r.profile().server().key())
                .isNotEqualTo(natural).isEqualTo(caseInsensitive);
    }
}
