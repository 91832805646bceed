package io.github.cloudaudit.source.azure;

/** {@code az sql vm list}: VMs registered with the SQL IaaS Agent, with the SQL Server release they run. */
public final class AzureSqlVirtualMachineListReader extends AzureListReader {

    public AzureSqlVirtualMachineListReader() {
        super("sql vm list", AzureMappings.SQL_VIRTUAL_MACHINES);
    }
}
