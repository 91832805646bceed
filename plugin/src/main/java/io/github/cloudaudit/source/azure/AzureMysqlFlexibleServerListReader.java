package io.github.cloudaudit.source.azure;

/** {@code az mysql flexible-server list}: Azure Database for MySQL flexible servers. */
public final class AzureMysqlFlexibleServerListReader extends AzureListReader {

    public AzureMysqlFlexibleServerListReader() {
        super("mysql flexible-server list", AzureMappings.MYSQL_FLEXIBLE_SERVERS);
    }
}
