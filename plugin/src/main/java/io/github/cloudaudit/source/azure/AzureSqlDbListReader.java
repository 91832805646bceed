package io.github.cloudaudit.source.azure;

/** {@code az sql db list}: databases of an Azure SQL server; they date their server (see {@link AzureManagedDatabases}). */
public final class AzureSqlDbListReader extends AzureListReader {

    public AzureSqlDbListReader() {
        super("sql db list", AzureMappings.SQL_DATABASES);
    }
}
