package io.github.cloudaudit.source.azure;

/** {@code az network vnet list}: virtual networks with their subnets and each subnet's network security group. */
public final class AzureVirtualNetworkListReader extends AzureListReader {

    public AzureVirtualNetworkListReader() {
        super("network vnet list", AzureMappings.VIRTUAL_NETWORKS);
    }
}
