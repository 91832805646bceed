package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.ThreatFinding;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.rules.MonitoringTestSupport.personalDataHost;
import static io.github.cloudaudit.rules.MonitoringTestSupport.regionScope;
import static io.github.cloudaudit.rules.RuleTestSupport.ACCOUNT;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.networkWithFlowLogs;
import static io.github.cloudaudit.rules.RuleTestSupport.run;
import static io.github.cloudaudit.rules.RuleTestSupport.runAll;
import static org.assertj.core.api.Assertions.assertThat;

class ThreatCryptominingRuleTest {

    private final ThreatCryptominingRule rule = new ThreatCryptominingRule();

    private static ThreatFinding mining(Server server, String account) {
        return new ThreatFinding(Provider.AWS, account, server.id(), "GuardDuty", "CryptoCurrency:EC2/BitcoinTool.B",
                true, LocalDate.of(2025, 5, 2), LocalDate.of(2026, 11, 22), 212);
    }

    private static Inventory inventory(Server server, Boolean guardDuty, ThreatFinding... threats) {
        return new Inventory(List.of(server), guardDuty == null ? List.of() : List.of(regionScope(guardDuty, guardDuty, true)),
                List.of(networkWithFlowLogs()), List.of(), List.of(), Map.of(), List.of(threats));
    }

    @Test
    void aMiningFindingOnTheServerIsCriticalEvidenceOfCompromiseWithIncidentResponseFirst() {
        Server server = personalDataHost(healthyServer("i-1")).build();

        List<Finding> findings = run(rule, inventory(server, true, mining(server, ACCOUNT)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("threat-cryptomining");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.verified()).isTrue();
            assertThat(f.message()).startsWith("GuardDuty reports cryptocurrency mining on web-i-1 since 2025-05-02 "
                            + "(CryptoCurrency:EC2/BitcoinTool.B): someone else runs code on it. It holds personal "
                            + "data in a database. First treat it as a security incident now: isolate it")
                    .contains("preserve evidence (snapshot its volumes, and its memory if possible")
                    .contains("rotate every credential it held")
                    .contains("GDPR Art. 33: report it to the data protection authority (in Norway, Datatilsynet) "
                            + "within 72 hours")
                    .contains("Art. 34 decides whether the people affected must be told");
            assertThat(f.evidence()).contains("GuardDuty: CryptoCurrency:EC2/BitcoinTool.B, seen 212 times from "
                    + "2025-05-02 to 2026-11-22");
        });
        assertThat(rule.metadata().category()).isEqualTo(Category.THREAT);
    }

    @Test
    void aThreatThatIsNotMiningOrIsAboutAnotherServerOrAccountIsNoEvidence() {
        Server server = healthyServer("i-1").build();
        ThreatFinding other = new ThreatFinding(Provider.AWS, ACCOUNT, server.id(), "GuardDuty",
                "Recon:EC2/PortProbeUnprotectedPort", false, null, null, 1);

        assertThat(run(rule, inventory(server, true, other))).isEmpty();
        assertThat(run(rule, inventory(server, true, mining(healthyServer("i-2").build(), ACCOUNT)))).isEmpty();
        assertThat(run(rule, inventory(server, true, mining(server, "210987654321")))).isEmpty();
        assertThat(run(rule, inventory(server, true))).isEmpty();
    }

    @Test
    void aServerWithAThreatFindingIsWatchedByThatServiceWhateverTheScopeSays() {
        Server server = healthyServer("i-1").build();

        assertThat(runAll(inventory(server, false, mining(server, ACCOUNT))))
                .extracting(Finding::ruleId).contains("threat-cryptomining")
                .doesNotContain("monitoring-no-threat-detection");
        assertThat(runAll(inventory(server, null, mining(server, ACCOUNT))))
                .extracting(Finding::ruleId).doesNotContain("monitoring-no-threat-detection");
        assertThat(runAll(inventory(server, false))).extracting(Finding::ruleId)
                .contains("monitoring-no-threat-detection");
    }

    @Test
    void theNorwegianReportTellsTheIncidentResponseWithTheDeadlineAndTheAuthority() {
        Server server = personalDataHost(healthyServer("i-1")).build();

        Finding finding = run(rule, inventory(server, true, mining(server, ACCOUNT))).get(0);

        assertThat(Fixtures.norwegian(finding)).startsWith("GuardDuty rapporterer utvinning av kryptovaluta på web-i-1 "
                        + "siden 2025-05-02 (CryptoCurrency:EC2/BitcoinTool.B): noen andre kjører kode på den. Den har "
                        + "data klassifisert som personal i en database. Først: behandle det som en sikkerhetshendelse "
                        + "nå: isoler serveren")
                .contains("meld det til tilsynsmyndigheten (i Norge Datatilsynet) innen 72 timer", "artikkel 34");
        assertThat(Fixtures.norwegianEvidence(finding)).contains("GuardDuty: CryptoCurrency:EC2/BitcoinTool.B, sett "
                + "212 ganger fra 2025-05-02 til 2026-11-22");
    }
}
