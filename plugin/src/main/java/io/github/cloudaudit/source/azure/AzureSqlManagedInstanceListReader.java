package io.github.cloudaudit.source.azure;

/** {@code az sql mi list}: Azure SQL managed instances. */
public final class AzureSqlManagedInstanceListReader extends AzureListReader {

    public AzureSqlManagedInstanceListReader() {
        super("sql mi list", AzureMappings.SQL_MANAGED_INSTANCES);
    }
}
