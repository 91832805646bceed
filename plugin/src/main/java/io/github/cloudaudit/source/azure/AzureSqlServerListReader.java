package io.github.cloudaudit.source.azure;

/** {@code az sql server list}: Azure SQL logical servers. */
public final class AzureSqlServerListReader extends AzureListReader {

    public AzureSqlServerListReader() {
        super("sql server list", AzureMappings.SQL_SERVERS);
    }
}
