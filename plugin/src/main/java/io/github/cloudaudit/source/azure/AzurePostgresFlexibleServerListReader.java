package io.github.cloudaudit.source.azure;

/** {@code az postgres flexible-server list}: Azure Database for PostgreSQL flexible servers. */
public final class AzurePostgresFlexibleServerListReader extends AzureListReader {

    public AzurePostgresFlexibleServerListReader() {
        super("postgres flexible-server list", AzureMappings.POSTGRES_FLEXIBLE_SERVERS);
    }
}
