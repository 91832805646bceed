package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;

import java.time.LocalDate;
import java.util.Locale;

/** Maps Azure SQL logical servers, their databases, and PostgreSQL and MySQL flexible servers. */
final class AzureManagedDatabases {

    private AzureManagedDatabases() {
    }

    /**
     * An Azure SQL logical server. Its version ("12.0") is the service's, not a SQL Server release: Azure SQL
     * Database is kept current by Microsoft, so it gets a product of its own that no end-of-support table lists.
     */
    static void sqlServer(AzureResource server) {
        Server.Builder builder = common(server)
                .engine(new DatabaseEngine("azure-sql", server.text("version")))
                .publiclyAccessible(enabled(server.text("publicNetworkAccess")));
        server.builder().server(builder, InventoryBuilder.Links.NONE);
    }

    static void postgresFlexibleServer(AzureResource server) {
        flexibleServer(server, "postgresql");
    }

    static void mysqlFlexibleServer(AzureResource server) {
        flexibleServer(server, "mysql");
    }

    /**
     * A database of an Azure SQL logical server. The server listing has no creation date, but the server existed when
     * its oldest database (master is listed too) was created: that date is a lower bound of the server's age.
     * Databases are not servers of their own.
     */
    static void sqlDatabase(AzureResource database) {
        String id = database.id();
        int cut = id.toLowerCase(Locale.ROOT).lastIndexOf("/databases/");
        if (cut < 0) {
            throw database.fail("expected a database id ending in /databases/<name>, found '" + id + "'");
        }
        LocalDate created = database.date("creationDate");
        if (created != null) {
            database.builder().existedOn(Provider.AZURE, id.substring(0, cut), created);
        }
    }

    private static void flexibleServer(AzureResource server, String engine) {
        Server.Builder builder = common(server)
                .type(AzureResource.text(server.field("sku", "name")))
                .engine(new DatabaseEngine(engine, engineVersion(server)))
                .publiclyAccessible(enabled(server.text("network", "publicNetworkAccess")));
        server.builder().server(builder, InventoryBuilder.Links.NONE);
    }

    /** What every managed database service shares: its id, place, state, creation date and tags. */
    static Server.Builder common(AzureResource server) {
        return Server.builder()
                .provider(Provider.AZURE).kind(ResourceKind.MANAGED_DATABASE)
                .id(server.id()).name(server.name()).account(server.subscription()).region(server.location())
                .state(state(server.text("state")))
                .launchedOn(server.fieldDate("systemData", "createdAt"))
                .tags(server.tags())
                .origin(server.origin());
    }

    /** MySQL prints the full version ("8.0.21"); PostgreSQL the major ("11") and the minor apart ("22"). */
    private static String engineVersion(AzureResource server) {
        String full = server.text("fullVersion");
        if (full != null) {
            return full;
        }
        String version = server.text("version");
        String minor = server.text("minorVersion");
        return version != null && minor != null && !version.contains(".") ? version + "." + minor : version;
    }

    static PowerState state(String state) {
        if (state == null) {
            return null;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "ready" -> PowerState.RUNNING;
            case "stopped" -> PowerState.STOPPED;
            default -> PowerState.OTHER;
        };
    }

    /** "Enabled" or "Disabled"; any other value (such as "SecuredByPerimeter") is not known to be public. */
    private static Boolean enabled(String publicNetworkAccess) {
        if (publicNetworkAccess == null) {
            return null;
        }
        if (publicNetworkAccess.equalsIgnoreCase("Enabled")) {
            return true;
        }
        return publicNetworkAccess.equalsIgnoreCase("Disabled") ? false : null;
    }
}
