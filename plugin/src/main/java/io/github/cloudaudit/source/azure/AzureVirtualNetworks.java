package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;

import java.util.List;

/**
 * Maps virtual networks (Microsoft.Network/virtualNetworks): the network itself, where flow-log facts attach, and the
 * network security group of each subnet. A network lists all its subnets, so a subnet without one has none.
 */
final class AzureVirtualNetworks {

    private AzureVirtualNetworks() {
    }

    static void map(AzureResource network) {
        String id = network.id();
        network.builder().network(new Network(Provider.AZURE, network.subscription(), network.location(), id, null));
        List<JsonNode> subnets = network.objects("subnets");
        for (int i = 0; i < subnets.size(); i++) {
            JsonNode subnet = subnets.get(i);
            String subnetId = AzureResource.text(subnet.get("id"));
            if (subnetId == null || subnetId.isBlank()) {
                throw network.fail("expected 'subnets[" + i + "]' to have an 'id'");
            }
            network.builder().subnetSecurityGroup(Provider.AZURE, subnetId, network.reference(
                    AzureResource.propertiesOf(subnet).get("networkSecurityGroup"),
                    "subnets[" + i + "].networkSecurityGroup"));
        }
    }
}
