package io.github.cloudaudit.source.azure;

/** {@code az network nic list}: network interfaces, which join VMs to their subnets and network security groups. */
public final class AzureNetworkInterfaceListReader extends AzureListReader {

    public AzureNetworkInterfaceListReader() {
        super("network nic list", AzureMappings.NETWORK_INTERFACES);
    }
}
