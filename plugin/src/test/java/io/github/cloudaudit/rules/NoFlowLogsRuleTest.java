package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.MonitoringTestSupport.SUBSCRIPTION;
import static io.github.cloudaudit.rules.MonitoringTestSupport.rdsDatabase;
import static io.github.cloudaudit.rules.RuleTestSupport.ACCOUNT;
import static io.github.cloudaudit.rules.RuleTestSupport.REGION;
import static io.github.cloudaudit.rules.RuleTestSupport.VPC;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.run;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedScope;
import static org.assertj.core.api.Assertions.assertThat;

/** Flow logs are judged over every network a server sits in. */
class NoFlowLogsRuleTest {

    private static final String OTHER_VPC = "vpc-0ffee000";

    @Test
    void oneNetworkWithoutFlowLogsIsAFindingNamingIt() {
        List<Finding> findings = flowLogs(twoVpcServer(), network(VPC, true), network(OTHER_VPC, false));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.verified()).isTrue();
            assertThat(f.message())
                    .startsWith("No flow log records the traffic of VPC " + OTHER_VPC + " where web-i-1 sits");
            assertThat(f.evidence())
                    .contains("flow logs of VPC " + VPC + ": yes", "flow logs of VPC " + OTHER_VPC + ": no");
        });
    }

    @Test
    void aFalseNetworkWinsOverAnUnknownOne() {
        assertThat(flowLogs(twoVpcServer(), network(VPC, null), network(OTHER_VPC, false)))
                .singleElement().satisfies(f -> assertThat(f.verified()).isTrue());
    }

    @Test
    void allNetworksRecordedIsFine() {
        assertThat(flowLogs(twoVpcServer(), network(VPC, true), network(OTHER_VPC, true))).isEmpty();
    }

    @Test
    void anUnknownNetworkBesideARecordedOneIsUnverifiedNamingTheUnknownOne() {
        assertThat(flowLogs(twoVpcServer(), network(VPC, true), network(OTHER_VPC, null)))
                .singleElement().satisfies(f -> {
                    assertThat(f.verified()).isFalse();
                    assertThat(f.message()).endsWith("no flow log data was provided for VPC " + OTHER_VPC + ".");
                });
    }

    @Test
    void aNetworkMissingFromTheInventoryIsUnverified() {
        assertThat(flowLogs(healthyServer("i-1").build())).singleElement()
                .satisfies(f -> assertThat(f.verified()).isFalse());
    }

    @Test
    void aServerWithoutKnownNetworkIsUnverified() {
        assertThat(flowLogs(healthyServer("i-1").networkIds(List.of()).build(), network(VPC, true)))
                .singleElement().satisfies(f -> {
                    assertThat(f.verified()).isFalse();
                    assertThat(f.message()).contains("does not say which VPC it sits in");
                });
    }

    @Test
    void anAzureVirtualNetworkIsNamedByItsNameNotItsResourceId() {
        Server vm = MonitoringTestSupport.azureServer("crm-vm").build();
        Network vnet = new Network(Provider.AZURE, SUBSCRIPTION, "westeurope", MonitoringTestSupport.VNET, false);

        assertThat(flowLogs(vm, vnet)).singleElement().satisfies(f -> {
            assertThat(f.message())
                    .startsWith("No flow log records the traffic of virtual network crm-vnet where crm-vm");
            assertThat(f.evidence()).contains("flow logs of virtual network " + MonitoringTestSupport.VNET + ": no");
        });
    }

    @Test
    void aManagedDatabaseInAVpcIsCovered() {
        assertThat(flowLogs(rdsDatabase("crm-db").build(), network(VPC, false))).singleElement()
                .satisfies(f -> assertThat(f.resourceId()).isEqualTo("crm-db"));
    }

    @Test
    void anAzureDatabaseOutsideAnyVirtualNetworkHasNoFlowLogsToCheck() {
        Server sql = rdsDatabase("crm-sql").provider(Provider.AZURE).account(SUBSCRIPTION).networkIds(List.of())
                .build();

        assertThat(flowLogs(sql)).isEmpty();
    }

    private static Server twoVpcServer() {
        return healthyServer("i-1").networkIds(List.of(VPC, OTHER_VPC)).build();
    }

    private static Network network(String id, Boolean flowLogs) {
        return new Network(Provider.AWS, ACCOUNT, REGION, id, flowLogs);
    }

    private static List<Finding> flowLogs(Server server, Network... networks) {
        return run(new NoFlowLogsRule(), inventory(List.of(server), List.of(watchedScope()), List.of(networks)));
    }

    @Test
    void theNorwegianReportNamesTheNetworkAndTheFacts() {
        assertThat(flowLogs(twoVpcServer(), network(VPC, true), network(OTHER_VPC, false))).singleElement()
                .satisfies(f -> {
                    assertThat(Fixtures.norwegian(f)).isEqualTo("Ingen flytlogg registrerer trafikken i VPC "
                            + OTHER_VPC + " der web-i-1 står: etter et innbrudd kunne ingen si hvor dataene ble av "
                            + "eller hvem den snakket med.");
                    assertThat(Fixtures.norwegianEvidence(f)).contains("flytlogger for VPC " + VPC + ": ja",
                            "flytlogger for VPC " + OTHER_VPC + ": nei");
                });
        assertThat(flowLogs(twoVpcServer(), network(VPC, null), network(OTHER_VPC, null))).singleElement()
                .satisfies(f -> assertThat(Fixtures.norwegian(f)).endsWith("ingen flytloggdata ble levert for VPC-er "
                        + VPC + ", " + OTHER_VPC + "."));
    }
}
