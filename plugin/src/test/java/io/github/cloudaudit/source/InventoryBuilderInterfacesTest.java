package io.github.cloudaudit.source;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins through network interfaces: a VM's networks and the inbound rules that reach it through its interface's and
 * its subnet's filters, and which networks' traffic flow logs record.
 */
class InventoryBuilderInterfacesTest {

    private static final String SUB = "sub";
    private static final String VNET = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";
    private static final String SUBNET = VNET + "/subnets/db";
    private static final String NIC_NSG = "/nsg/nic";
    private static final String SUBNET_NSG = "/nsg/subnet";
    private static final IngressRule SQL_FROM_INTERNET = new IngressRule("Tcp", 1433, 1433, "Internet", "nic");
    private static final IngressRule ANY_FROM_VNET = new IngressRule("*", null, null, "VirtualNetwork", "nic");

    private final InventoryBuilder builder = new InventoryBuilder();

    @Test
    void aPortIsOpenOnlyWhereTheSubnetsAndTheInterfacesGroupsBothLetItIn() {
        builder.securityGroup(Provider.AZURE, NIC_NSG, List.of(SQL_FROM_INTERNET, ANY_FROM_VNET));
        builder.securityGroup(Provider.AZURE, SUBNET_NSG, List.of(new IngressRule("Tcp", 443, 443, "*", "subnet"),
                new IngressRule("*", null, null, "*", "subnet")));
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, SUBNET_NSG);

        assertThat(ingress(NIC_NSG, true)).containsExactly(
                new IngressRule("Tcp", 443, 443, "VirtualNetwork", "subnet and nic"),
                new IngressRule("Tcp", 1433, 1433, "Internet", "subnet and nic"),
                new IngressRule("*", null, null, "VirtualNetwork", "subnet and nic"));
    }

    @Test
    void withoutAnyGroupEveryPortIsOpenToEveryone() {
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, null);

        assertThat(ingress(null, true)).containsExactly(new IngressRule("*", null, null, "*", null));
    }

    @Test
    void whenTheSubnetsGroupIsUnknownTheInterfacesGroupIsTheMostThatIsOpen() {
        builder.securityGroup(Provider.AZURE, NIC_NSG, List.of(SQL_FROM_INTERNET));

        assertThat(ingress(NIC_NSG, true)).containsExactly(SQL_FROM_INTERNET);
    }

    @Test
    void whenTheSubnetsGroupIsUnknownAndTheInterfaceHasNoneNothingCanBeSaid() {
        assertThat(ingress(null, true)).isEmpty();
    }

    @Test
    void aGroupNamedButNotReadIsUnknownAndTheOtherDecides() {
        builder.securityGroup(Provider.AZURE, SUBNET_NSG, List.of(SQL_FROM_INTERNET));
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, SUBNET_NSG);

        assertThat(ingress("/nsg/not-exported", true)).containsExactly(SQL_FROM_INTERNET);
    }

    @ParameterizedTest(name = "internet-facing {0}: internet rule kept {1}")
    @CsvSource(nullValues = "-", value = {"true, true", "-, true", "false, false"})
    void withoutAPublicAddressTheInternetRulesDoNotReachTheServer(Boolean internetFacing, boolean kept) {
        builder.securityGroup(Provider.AZURE, NIC_NSG, List.of(SQL_FROM_INTERNET, ANY_FROM_VNET));
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, null);

        assertThat(ingress(NIC_NSG, internetFacing)).contains(ANY_FROM_VNET).hasSize(kept ? 2 : 1);
    }

    @Test
    void anInterfaceJoinsTheVmThatNamesIt() {
        builder.networkInterface(Provider.AZURE, new NetworkInterface("/nic/1", null, null, true, subnets()));
        builder.server(vm("/vm/1"), new InventoryBuilder.Links(null, List.of(), List.of("/NIC/1")));
        builder.server(vm("/vm/2"), InventoryBuilder.Links.NONE);

        assertThat(builder.build().servers()).extracting(Server::networkIds)
                .containsExactly(List.of(VNET), List.of());
    }

    @Test
    void aFlowLogOnTheNetworkRecordsIt() {
        builder.flowLog(Provider.AZURE, VNET);
        interfaceOf("/vm/1", "/nic/1", NIC_NSG);

        assertThat(flowLogs()).isTrue();
    }

    @Test
    void flowLogsCoveringEachKnownInterfaceRecordTheNetwork() {
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, SUBNET_NSG);
        interfaceOf("/vm/1", "/nic/1", NIC_NSG);
        interfaceOf("/vm/2", "/nic/2", null);
        builder.flowLog(Provider.AZURE, NIC_NSG);
        builder.flowLog(Provider.AZURE, "/nic/2");

        assertThat(flowLogs()).isTrue();
    }

    @Test
    void aFlowLogOnTheSubnetsGroupRecordsEveryInterfaceInTheSubnet() {
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, SUBNET_NSG);
        interfaceOf("/vm/1", "/nic/1", null);
        interfaceOf("/vm/2", "/nic/2", null);
        builder.flowLog(Provider.AZURE, SUBNET_NSG);

        assertThat(flowLogs()).isTrue();
    }

    @Test
    void whenOnlySomeInterfacesAreRecordedTheNetworkIsNeitherEvenAfterACompleteListing() {
        interfaceOf("/vm/1", "/nic/1", NIC_NSG);
        interfaceOf("/vm/2", "/nic/2", null);
        builder.flowLog(Provider.AZURE, NIC_NSG);
        builder.flowLogsCollected(Provider.AZURE, SUB, "westeurope");

        assertThat(flowLogs()).isNull();
    }

    @ParameterizedTest(name = "collected in {0}: {1}")
    @CsvSource(nullValues = "-", value = {"westeurope, false", "northeurope, -", "-, false"})
    void noFlowLogIsFalseOnlyWhenTheListingOfItsRegionOrOfEveryRegionWasRead(String region, Boolean expected) {
        interfaceOf("/vm/1", "/nic/1", NIC_NSG);
        builder.flowLog(Provider.AZURE, "/some/other/nsg");
        builder.flowLogsCollected(Provider.AZURE, SUB, region);

        assertThat(flowLogs()).isEqualTo(expected);
    }

    private List<IngressRule> ingress(String nicGroup, Boolean internetFacing) {
        builder.networkInterface(Provider.AZURE, new NetworkInterface("/nic/1", "/vm/1", nicGroup, internetFacing, subnets()));
        builder.server(vm("/vm/1"), InventoryBuilder.Links.NONE);
        return builder.build().servers().get(0).ingress();
    }

    private void interfaceOf(String vm, String nic, String group) {
        builder.networkInterface(Provider.AZURE, new NetworkInterface(nic, vm, group, false, subnets()));
        builder.server(vm(vm), InventoryBuilder.Links.NONE);
    }

    private Boolean flowLogs() {
        Inventory inventory = builder.build();
        return inventory.network(Provider.AZURE, SUB, VNET).orElseThrow().flowLogs();
    }

    private static List<NetworkInterface.Subnet> subnets() {
        return List.of(new NetworkInterface.Subnet(SUBNET, VNET));
    }

    private static Server.Builder vm(String id) {
        return Server.builder().provider(Provider.AZURE).id(id).account(SUB).region("westeurope");
    }
}
