package io.github.cloudaudit.source.azure;

/** {@code az vm list -d}: virtual machines with their power state (plain {@code az vm list} leaves it unknown). */
public final class AzureVmListReader extends AzureListReader {

    public AzureVmListReader() {
        super("vm list", AzureMappings.VIRTUAL_MACHINES);
    }
}
