package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.github.cloudaudit.rules.MonitoringTestSupport.databaseHost;
import static io.github.cloudaudit.rules.MonitoringTestSupport.personalDataHost;
import static io.github.cloudaudit.rules.MonitoringTestSupport.regionScope;
import static io.github.cloudaudit.rules.MonitoringTestSupport.withMonitoring;
import static io.github.cloudaudit.rules.RuleTestSupport.ACCOUNT;
import static io.github.cloudaudit.rules.RuleTestSupport.REGION;
import static io.github.cloudaudit.rules.RuleTestSupport.VPC;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.networkWithFlowLogs;
import static io.github.cloudaudit.rules.RuleTestSupport.run;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedScope;
import static org.assertj.core.api.Assertions.assertThat;

/** What every monitoring rule promises: silent when watched, a finding when not, unverified when unknown. */
class MonitoringRulesContractTest {

    /** A rule, its base severity, and the healthy server's inventory with the rule's one fact off or unknown. */
    record Case(Rule rule, Severity base, Function<Server.Builder, Inventory> violating,
                Function<Server.Builder, Inventory> unknown) {
        @Override
        public String toString() {
            return rule.metadata().id();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(new NoCpuAlarmRule(), Severity.LOW,
                        s -> watchedInventory(withMonitoring(s, false, true, true).build()),
                        s -> watchedInventory(withMonitoring(s, null, true, true).build())),
                new Case(new BasicMonitoringOnlyRule(), Severity.LOW,
                        s -> watchedInventory(withMonitoring(s, true, false, true).build()),
                        s -> watchedInventory(withMonitoring(s, true, null, true).build())),
                new Case(new NoMonitoringAgentRule(), Severity.LOW,
                        s -> watchedInventory(withMonitoring(s, true, true, false).build()),
                        s -> watchedInventory(withMonitoring(s, true, true, null).build())),
                new Case(new NoThreatDetectionRule(), Severity.MEDIUM,
                        s -> withScope(s, regionScope(false, false, true)),
                        s -> withScope(s, regionScope(null, null, true))),
                new Case(new NoFlowLogsRule(), Severity.LOW,
                        s -> inventory(List.of(s.build()), List.of(watchedScope()),
                                List.of(new Network(Provider.AWS, ACCOUNT, REGION, VPC, false))),
                        s -> inventory(List.of(s.build()), List.of(watchedScope()),
                                List.of(new Network(Provider.AWS, ACCOUNT, REGION, VPC, null)))),
                new Case(new NoAuditTrailRule(), Severity.MEDIUM,
                        s -> withScope(s, regionScope(true, true, false)),
                        s -> withScope(s, regionScope(true, true, null))));
    }

    private static Inventory withScope(Server.Builder server, Scope scope) {
        return inventory(List.of(server.build()), List.of(scope), List.of(networkWithFlowLogs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHealthyServerGivesNothing(Case c) {
        assertThat(run(c.rule(), watchedInventory(healthyServer("i-1").build()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFactOffGivesOneConfirmedFindingAtBaseSeverity(Case c) {
        List<Finding> findings = run(c.rule(), c.violating().apply(healthyServer("i-1")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(c.rule().metadata().id());
            assertThat(f.verified()).isTrue();
            assertThat(f.severity()).isEqualTo(c.base());
            assertThat(f.provider()).isEqualTo(Provider.AWS);
            assertThat(f.account()).isEqualTo(ACCOUNT);
            assertThat(f.resourceId()).isEqualTo("i-1");
            assertThat(f.message()).contains("web-i-1").doesNotContain("null");
            assertThat(f.evidence()).isNotEmpty().noneMatch(line -> line.contains("unknown"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onADatabaseHostTheFindingIsRaisedOneStep(Case c) {
        List<Finding> findings = run(c.rule(), c.violating().apply(databaseHost(healthyServer("i-1"))));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(c.base().raised());
            assertThat(f.evidence()).anyMatch(line -> line.contains("tag role=database"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void personalDataRaisesItOneMoreStepButAMonitoringGapStopsAtHigh(Case c) {
        List<Finding> findings = run(c.rule(), c.violating().apply(personalDataHost(healthyServer("i-1"))));

        assertThat(findings).singleElement().satisfies(f -> {
            Severity raisedTwice = c.base().raised().raised();
            assertThat(f.severity()).isEqualTo(raisedTwice == Severity.CRITICAL ? Severity.HIGH : raisedTwice);
            assertThat(f.evidence()).contains("data classification: personal");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anUnknownFactIsReportedUnverifiedAtInfoEvenOnASensitiveDatabaseHost(Case c) {
        List<Finding> findings = run(c.rule(), c.unknown().apply(personalDataHost(healthyServer("i-1"))));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(c.rule().metadata().id());
            assertThat(f.verified()).isFalse();
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).startsWith("Cannot tell whether").contains("web-i-1");
            assertThat(AuditContext.settledBy(f)).startsWith("aws ");
            assertThat(f.evidence()).anyMatch(line -> line.contains("unknown"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void metadataExplainsTheRuleForBothClouds(Case c) {
        var metadata = c.rule().metadata();

        assertThat(metadata.id()).startsWith("monitoring-");
        assertThat(metadata.category()).isEqualTo(Category.MONITORING);
        assertThat(metadata.severity()).isEqualTo(c.base());
        assertThat(metadata.title()).isNotBlank();
        assertThat(metadata.rationale()).isNotBlank();
        assertThat(metadata.remediation()).contains("AWS:").contains("Azure:");
        assertThat(metadata.references()).anyMatch(reference -> reference.startsWith("Prowler"));
    }
}
