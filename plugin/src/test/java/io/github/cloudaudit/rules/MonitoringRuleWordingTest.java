package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.MonitoringTestSupport.SUBSCRIPTION;
import static io.github.cloudaudit.rules.MonitoringTestSupport.azureServer;
import static io.github.cloudaudit.rules.MonitoringTestSupport.azureSubscription;
import static io.github.cloudaudit.rules.MonitoringTestSupport.rdsDatabase;
import static io.github.cloudaudit.rules.MonitoringTestSupport.withMonitoring;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.run;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-server monitoring rules speak each cloud's language and apply only where the fact exists. */
class MonitoringRuleWordingTest {

    @Test
    void cpuAlarmUnknownNamesTheMissingExportAndScope() {
        Finding aws = single(new NoCpuAlarmRule(),
                watchedInventory(withMonitoring(healthyServer("i-1"), null, true, true).build()));
        Finding azure = single(new NoCpuAlarmRule(),
                azureOnly(withMonitoring(azureServer("crm-vm"), null, true, true).build()));

        assertThat(aws.message()).contains("aws cloudwatch describe-alarms")
                .contains("account 123456789012 region eu-north-1");
        assertThat(azure.message()).contains("az monitor metrics alert list").contains("subscription " + SUBSCRIPTION);
    }

    @Test
    void basicMonitoringIsWordedByKindOfServer() {
        Finding ec2 = single(new BasicMonitoringOnlyRule(),
                watchedInventory(withMonitoring(healthyServer("i-1"), true, false, true).build()));
        Finding rds = single(new BasicMonitoringOnlyRule(),
                watchedInventory(withMonitoring(rdsDatabase("crm-db"), true, false, true).build()));

        assertThat(ec2.message()).startsWith("EC2 detailed monitoring is off for web-i-1");
        assertThat(rds.message()).startsWith("RDS enhanced monitoring is off for crm-db");
    }

    @Test
    void azureHasNoDetailedMonitoringSwitchSoUnknownSaysNothingButOffIsReported() {
        assertThat(run(new BasicMonitoringOnlyRule(),
                azureOnly(withMonitoring(azureServer("crm-vm"), true, null, true).build()))).isEmpty();

        Finding off = single(new BasicMonitoringOnlyRule(),
                azureOnly(withMonitoring(azureServer("crm-vm"), true, false, true).build()));
        assertThat(off.verified()).isTrue();
        assertThat(off.message()).startsWith("Only basic host metrics are collected for crm-vm");
    }

    @Test
    void agentIsCheckedOnVirtualMachinesOnly() {
        assertThat(run(new NoMonitoringAgentRule(),
                watchedInventory(withMonitoring(rdsDatabase("crm-db"), true, true, false).build(),
                        withMonitoring(rdsDatabase("crm-db-2"), true, true, null).build()))).isEmpty();
    }

    @Test
    void agentFindingNamesSsmOnAwsAndTheAzureMonitorAgentOnAzure() {
        Finding aws = single(new NoMonitoringAgentRule(),
                watchedInventory(withMonitoring(healthyServer("i-1"), true, true, false).build()));
        Finding azure = single(new NoMonitoringAgentRule(),
                azureOnly(withMonitoring(azureServer("crm-vm"), true, true, false).build()));

        assertThat(aws.message()).startsWith("web-i-1 is not managed by AWS Systems Manager");
        assertThat(azure.message()).startsWith("No Azure Monitor agent reports from crm-vm");
    }

    @Test
    void auditTrailOffOnAzureSaysTheActivityLogIsNotExported() {
        Finding finding = single(new NoAuditTrailRule(), inventory(List.of(azureServer("crm-vm").build()),
                List.of(azureSubscription(true, true, false)), List.of()));

        assertThat(finding.message()).startsWith("The activity log of subscription " + SUBSCRIPTION
                + " is not exported (no subscription diagnostic setting sends it to a workspace or storage account, "
                + "and Azure keeps it for only 90 days): nobody could tell afterwards who");
    }

    private static Inventory azureOnly(Server server) {
        return inventory(List.of(server), List.of(azureSubscription(true, true, true)), List.of());
    }

    private static Finding single(Rule rule, Inventory inventory) {
        List<Finding> findings = run(rule, inventory);
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void theNorwegianReportSpeaksEachCloudsLanguageToo() {
        Finding alarmUnknown = single(new NoCpuAlarmRule(),
                azureOnly(withMonitoring(azureServer("crm-vm"), null, true, true).build()));
        Finding rds = single(new BasicMonitoringOnlyRule(),
                watchedInventory(withMonitoring(rdsDatabase("crm-db"), true, false, true).build()));
        Finding agent = single(new NoMonitoringAgentRule(),
                watchedInventory(withMonitoring(healthyServer("i-1"), true, true, false).build()));
        Finding trail = single(new NoAuditTrailRule(), inventory(List.of(azureServer("crm-vm").build()),
                List.of(azureSubscription(true, true, false)), List.of()));

        assertThat(Fixtures.norwegian(alarmUnknown)).isEqualTo("Kan ikke avgjøre om en alarm overvåker CPU-en til "
                + "crm-vm: ingen alarmdata (az monitor metrics alert list) ble levert for abonnement " + SUBSCRIPTION
                + ".");
        assertThat(Fixtures.norwegianEvidence(alarmUnknown)).contains("CPU-alarm: ukjent (ikke i inventaret)",
                "kan avklares med: az monitor metrics alert list");
        assertThat(Fixtures.norwegian(rds)).startsWith("Utvidet overvåking i RDS er av for crm-db: ");
        assertThat(Fixtures.norwegianEvidence(rds)).contains("utvidet overvåking i RDS: nei");
        assertThat(Fixtures.norwegian(agent)).startsWith("web-i-1 administreres ikke av AWS Systems Manager: ");
        assertThat(Fixtures.norwegian(trail)).startsWith("Aktivitetsloggen til abonnement " + SUBSCRIPTION
                + " eksporteres ikke (ingen diagnostikkinnstilling på abonnementet sender den til et arbeidsområde "
                + "eller en lagringskonto, og Azure beholder den bare i 90 dager): ingen kunne i ettertid si hvem");
    }
}
