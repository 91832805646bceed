package io.github.cloudaudit.source.azure;

/** {@code az network nsg list}: network security groups with their rules, default rules and subnets. */
public final class AzureNetworkSecurityGroupListReader extends AzureListReader {

    public AzureNetworkSecurityGroupListReader() {
        super("network nsg list", AzureMappings.NETWORK_SECURITY_GROUPS);
    }
}
