package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A network interface joins its VM to a subnet and a network security group, and says whether the internet reaches it. */
class AzureNetworkInterfacesTest {

    private static final String VM = ArmRows.id("Microsoft.Compute/virtualMachines", "vm1");
    private static final String NIC = ArmRows.id("Microsoft.Network/networkInterfaces", "vm1-nic");
    private static final String VNET = ArmRows.GROUP + "Microsoft.Network/virtualNetworks/vnet1";
    private static final String SUBNET = VNET + "/subnets/db";
    private static final String NSG = ArmRows.id("Microsoft.Network/networkSecurityGroups", "nsg1");
    private static final IngressRule SQL = new IngressRule("Tcp", 1433, 1433, "Internet", "nsg1");

    private final InventoryBuilder builder = new InventoryBuilder();

    @ParameterizedTest(name = "{0} -> internet rule reaches the VM: {1}")
    @CsvSource(delimiter = '|', value = {
            "\"publicIPAddress\": {\"id\": \"/pip/vm1\"}                                    | true",
            "\"publicIpAddress\": {\"id\": \"/pip/vm1\"}                                    | true",
            "\"loadBalancerBackendAddressPools\": [{\"id\": \"/lb/pool\"}]                  | true",
            "\"loadBalancerInboundNatRules\": [{\"id\": \"/lb/nat/rdp\"}]                   | true",
            "\"publicIPAddress\": null, \"loadBalancerBackendAddressPools\": []             | false",
    })
    void aPublicAddressOrALoadBalancerLetsTheInternetRulesReachTheVm(String configuration, boolean reaches) {
        Server vm = vmBehind(nic("{\"name\": \"ipconfig1\", \"properties\": {\"subnet\": {\"id\": \"" + SUBNET
                + "\"}, " + configuration + "}}"));

        assertThat(vm.ingress().contains(SQL)).isEqualTo(reaches);
        assertThat(vm.networkIds()).containsExactly(VNET);
    }

    @Test
    void everyConfigurationsSubnetPlacesTheVmInItsNetwork() {
        String other = ArmRows.id("Microsoft.Network/virtualNetworks", "vnet2") + "/subnets/app";
        Server vm = vmBehind(nic("{\"properties\": {\"subnet\": {\"id\": \"" + SUBNET + "\"}}}, "
                + "{\"properties\": {\"subnet\": {\"id\": \"" + SUBNET + "\"}}}, {\"subnet\": {\"id\": \"" + other + "\"}}"));

        assertThat(vm.networkIds()).containsExactly(VNET, ArmRows.id("Microsoft.Network/virtualNetworks", "vnet2"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"properties\": {\"subnet\": \"" + SUBNET + "\"}}                  | 'ipConfigurations[0].subnet' to be a reference",
            "{\"properties\": {\"subnet\": {\"id\": \"/subscriptions/s/x\"}}}     | 'ipConfigurations[0].subnet.id' to be a subnet id",
            "\"not an object\"                                                   | each element of 'ipConfigurations' to be an object",
    })
    void aMalformedConfigurationIsAnErrorNamingFileAndPath(String configuration, String expected) {
        assertThatThrownBy(() -> ArmRows.map(builder, nic(configuration)))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("inline.json:3:5: ")
                .hasMessageContaining(expected);
    }

    @Test
    void anInterfaceWithoutConfigurationsIsAnError() {
        assertThatThrownBy(() -> ArmRows.map(builder, nic("")))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("to list its 'ipConfigurations'");
    }

    private Server vmBehind(String nic) {
        builder.securityGroup(Provider.AZURE, NSG, List.of(SQL));
        builder.subnetSecurityGroup(Provider.AZURE, SUBNET, null);
        ArmRows.map(builder, nic);
        ArmRows.map(builder, "{\"id\": \"" + VM + "\", \"type\": \"Microsoft.Compute/virtualMachines\"}");
        return builder.build().servers().get(0);
    }

    private static String nic(String configurations) {
        return """
                {"id": "%s", "name": "vm1-nic", "type": "microsoft.network/networkinterfaces",
                 "properties": {"ipConfigurations": [%s], "virtualMachine": {"id": "%s"},
                  "networkSecurityGroup": {"id": "%s"}}}""".formatted(NIC, configurations, VM, NSG);
    }
}
