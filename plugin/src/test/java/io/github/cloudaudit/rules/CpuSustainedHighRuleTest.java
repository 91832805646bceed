package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.single;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.MonitoringTestSupport.regionScope;
import static io.github.cloudaudit.rules.MonitoringTestSupport.withMonitoring;
import static io.github.cloudaudit.rules.RuleTestSupport.context;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.networkWithFlowLogs;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.runAll;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static org.assertj.core.api.Assertions.assertThat;

class CpuSustainedHighRuleTest {

    private static final CpuStatistics BUSY = new CpuStatistics(14, 97.3, 100.0);

    private final CpuSustainedHighRule rule = new CpuSustainedHighRule();

    private static Server.Builder legacy() {
        return healthyServer("i-old").os(new OperatingSystem("ubuntu", "14.04", null)).cpu(BUSY);
    }

    /** Runs the plain rules this composite reads, then the composite over their findings. */
    private List<Finding> evaluate(Server server) {
        AuditContext context = context(watchedInventory(server));
        List<Finding> earlier = new ArrayList<>();
        for (Rule plain : List.<Rule>of(new LegacyOsRule(), new OrphanNoOwnerRule(), new StaleServerRule())) {
            earlier.addAll(plain.evaluate(context, List.of()));
        }
        return rule.evaluate(context, earlier);
    }

    @Test
    void itIsACompositeRule() {
        assertThat(rule.composite()).isTrue();
    }

    @Test
    void aBusyWebServerThatIsOtherwiseFinePasses() {
        assertThat(evaluate(healthyServer("i-1").cpu(BUSY).build())).isEmpty();
    }

    @Test
    void aServerWithoutCpuStatisticsPasses() {
        assertThat(evaluate(tagged(healthyServer("i-1"), DATABASE_HOST).build())).isEmpty();
    }

    @Test
    void aBusyDatabaseHostIsReportedAsPossibleCryptomining() {
        Finding finding = single(evaluate(tagged(healthyServer("i-db").cpu(BUSY), DATABASE_HOST).build()));

        assertThat(finding.ruleId()).isEqualTo("cpu-sustained-high");
        assertThat(finding.severity()).as("the signature of the incident").isEqualTo(Severity.CRITICAL);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-db has averaged 97.3% CPU over the last 14 days while it "
                + "hosts a database. Sustained high CPU on such a server is the signature of cryptomining: check "
                + "its running processes, its outbound connections to mining pools and whether GuardDuty reports "
                + "CryptoCurrency findings for it.");
        assertThat(finding.evidence()).contains("average CPU 97.3% and maximum 100.0% over 14 days (threshold 80.0%)",
                "hosts a database: tag role=database");
        assertThat(finding.related()).isEmpty();
    }

    @Test
    void aBusyLegacyServerIsReportedWithTheFindingsThatMakeItSuspicious() {
        Server server = legacy().tags(Map.of("Name", "old")).build();
        AuditContext context = context(watchedInventory(server));
        List<Finding> earlier = new ArrayList<>(new LegacyOsRule().evaluate(context, List.of()));
        earlier.addAll(new OrphanNoOwnerRule().evaluate(context, List.of()));

        Finding finding = single(rule.evaluate(context, earlier));

        assertThat(finding.message()).contains("while it runs outdated software or hardware and looks forgotten.");
        assertThat(finding.related()).containsExactlyElementsOf(earlier.stream().map(Finding::fingerprint).toList());
        assertThat(finding.evidence()).anyMatch(line -> line.startsWith("legacy-os: web-i-old runs Ubuntu 14.04"))
                .anyMatch(line -> line.startsWith("orphan-no-owner: "));
    }

    @Test
    void onALegacyServerItIsCriticalOnlyWhenNobodyOwnsItOrNobodyWouldNotice() {
        assertThat(severityOf(legacy(), true)).as("owned and watched").isEqualTo(Severity.HIGH);
        assertThat(severityOf(legacy().tags(Map.of()), true)).as("no owner").isEqualTo(Severity.CRITICAL);
        assertThat(severityOf(withMonitoring(legacy(), false, true, false), false))
                .as("no CPU alarm, no agent, GuardDuty off").isEqualTo(Severity.CRITICAL);
        assertThat(severityOf(withMonitoring(legacy(), true, true, false), false))
                .as("a CPU alarm would notice").isEqualTo(Severity.HIGH);
        assertThat(severityOf(withMonitoring(legacy(), false, true, true), false))
                .as("an agent would notice").isEqualTo(Severity.HIGH);
        assertThat(severityOf(withMonitoring(legacy(), false, true, false), true))
                .as("GuardDuty would notice").isEqualTo(Severity.HIGH);
        assertThat(severityOf(withMonitoring(legacy(), null, true, null), null))
                .as("nothing known to watch it counts as nobody").isEqualTo(Severity.CRITICAL);
    }

    /** The severity of the rule's finding after all rules ran, with GuardDuty on, off or unknown in the region. */
    private static Severity severityOf(Server.Builder server, Boolean guardDuty) {
        List<Finding> all = runAll(inventory(List.of(server.build()),
                guardDuty == null ? List.of() : List.of(regionScope(guardDuty, guardDuty, true)),
                List.of(networkWithFlowLogs())));
        return all.stream().filter(f -> f.ruleId().equals("cpu-sustained-high")).map(Finding::severity)
                .reduce((a, b) -> { throw new AssertionError("two findings"); }).orElseThrow();
    }

    @Test
    void unverifiedFindingsDoNotMakeAServerSuspicious() {
        assertThat(evaluate(healthyServer("i-1").os(null).cpu(BUSY).build())).isEmpty();
    }

    @Test
    void findingsAboutAnotherServerDoNotCount() {
        Server busy = healthyServer("i-busy").cpu(BUSY).build();
        Server old = healthyServer("i-old").os(new OperatingSystem("ubuntu", "14.04", null)).build();
        AuditContext context = context(watchedInventory(busy, old));

        List<Finding> earlier = new LegacyOsRule().evaluate(context, List.of());

        assertThat(earlier).hasSize(1);
        assertThat(rule.evaluate(context, earlier)).isEmpty();
    }

    @Test
    void theAverageCountsFromTheThresholdUp() {
        assertThat(evaluate(legacy().cpu(new CpuStatistics(7, 80.0, 95.0)).build())).hasSize(1);
        assertThat(evaluate(legacy().cpu(new CpuStatistics(7, 79.9, 100.0)).build())).isEmpty();
    }

    @Test
    void statisticsOfLessThanADayAreNotSustained() {
        assertThat(evaluate(legacy().cpu(new CpuStatistics(0, 99.0, 100.0)).build())).isEmpty();
    }

    @Test
    void aServerThatIsNotRunningCannotBurnCpu() {
        assertThat(evaluate(legacy().state(PowerState.STOPPED).build())).isEmpty();
        assertThat(evaluate(legacy().state(null).build())).isEmpty();
    }

    @Test
    void azureServersPointToDefenderForCloud() {
        Server vm = tagged(healthyServer("vm-db").provider(Provider.AZURE).cpu(BUSY), DATABASE_HOST).build();

        assertThat(single(evaluate(vm)).message()).contains("whether Microsoft Defender for Cloud reports digital "
                + "currency mining alerts for it");
    }

    @Test
    void theEngineRunsItAfterThePlainRules() {
        Server forgotten = legacy().tags(Map.of()).build();

        List<Finding> all = runAll(watchedInventory(forgotten));

        assertThat(all).filteredOn(finding -> finding.ruleId().equals("cpu-sustained-high")).singleElement()
                .satisfies(finding -> assertThat(finding.related()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void theNorwegianReportSaysTheAverageWithADecimalCommaAndWhatToCheck() {
        Finding finding = single(evaluate(tagged(healthyServer("i-db").cpu(BUSY), DATABASE_HOST).build()));

        assertThat(Fixtures.norwegian(finding)).isEqualTo("web-i-db har hatt en gjennomsnittlig CPU-bruk på 97,3 % over "
                + "en periode på 14 dager mens den har en database. Vedvarende høy CPU på en slik server er kjennetegnet på "
                + "utvinning av kryptovaluta: sjekk prosessene som kjører, de utgående forbindelsene til "
                + "gruvebassenger og om GuardDuty rapporterer CryptoCurrency-funn for den.");
        assertThat(Fixtures.norwegianEvidence(finding))
                .contains("gjennomsnittlig CPU 97,3 % og maksimum 100,0 % over 14 dager (terskel 80,0 %)");
    }
}
