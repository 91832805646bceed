package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.NetworkInterface;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps network interfaces (Microsoft.Network/networkInterfaces): the VM they belong to, the subnets of their IP
 * configurations, their own network security group, and whether the internet reaches them. A public IP address on
 * any configuration makes the interface internet-facing; a load balancer pool or NAT rule may (a balancer can be
 * public or internal, and the interface does not say which); neither means the internet cannot reach it directly.
 */
final class AzureNetworkInterfaces {

    private static final String CONFIGURATIONS = "ipConfigurations";

    private AzureNetworkInterfaces() {
    }

    static void map(AzureResource nic) {
        String id = nic.id();
        List<JsonNode> configurations = nic.objects(CONFIGURATIONS);
        if (configurations.isEmpty()) {
            throw nic.fail("expected a network interface to list its '" + CONFIGURATIONS + "'");
        }
        Set<NetworkInterface.Subnet> subnets = new LinkedHashSet<>();
        boolean publicAddress = false;
        boolean balanced = false;
        for (int i = 0; i < configurations.size(); i++) {
            String where = CONFIGURATIONS + "[" + i + "]";
            JsonNode configuration = AzureResource.propertiesOf(configurations.get(i));
            String subnet = nic.reference(configuration.get("subnet"), where + ".subnet");
            if (subnet != null) {
                subnets.add(new NetworkInterface.Subnet(subnet, nic.networkOfSubnet(subnet, where + ".subnet.id")));
            }
            publicAddress |= nic.reference(AzureResource.anyCase(configuration, "publicIPAddress"),
                    where + ".publicIPAddress") != null;
            balanced |= nonEmpty(configuration.get("loadBalancerBackendAddressPools"))
                    || nonEmpty(configuration.get("loadBalancerInboundNatRules"));
        }
        Boolean internetFacing = publicAddress ? Boolean.TRUE : balanced ? null : Boolean.FALSE;
        nic.builder().networkInterface(Provider.AZURE, new NetworkInterface(id,
                nic.reference(nic.property("virtualMachine"), "virtualMachine"),
                nic.reference(nic.property("networkSecurityGroup"), "networkSecurityGroup"),
                internetFacing, List.copyOf(subnets)));
    }

    private static boolean nonEmpty(JsonNode list) {
        return list != null && list.isArray() && !list.isEmpty();
    }
}
