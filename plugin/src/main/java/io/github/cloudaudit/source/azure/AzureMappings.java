package io.github.cloudaudit.source.azure;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The Azure resource types the audit reads and the mapping for each; CLI lists and Resource Graph rows share them. */
final class AzureMappings {

    static final String VIRTUAL_MACHINES = "Microsoft.Compute/virtualMachines";
    static final String VM_EXTENSIONS = "Microsoft.Compute/virtualMachines/extensions";
    static final String SQL_SERVERS = "Microsoft.Sql/servers";
    static final String SQL_DATABASES = "Microsoft.Sql/servers/databases";
    static final String POSTGRES_FLEXIBLE_SERVERS = "Microsoft.DBforPostgreSQL/flexibleServers";
    static final String MYSQL_FLEXIBLE_SERVERS = "Microsoft.DBforMySQL/flexibleServers";
    static final String METRIC_ALERTS = "Microsoft.Insights/metricAlerts";
    static final String DEFENDER_PLANS = "Microsoft.Security/pricings";
    static final String DEFENDER_ALERTS = "Microsoft.Security/Locations/alerts";
    static final String METRICS = "Microsoft.Insights/metrics";

    private static final Map<String, Consumer<AzureResource>> BY_TYPE = Map.of(
            key(VIRTUAL_MACHINES), AzureVirtualMachines::map,
            key(VM_EXTENSIONS), AzureVirtualMachines::mapExtension,
            key(SQL_SERVERS), AzureManagedDatabases::sqlServer,
            key(SQL_DATABASES), AzureManagedDatabases::sqlDatabase,
            key(POSTGRES_FLEXIBLE_SERVERS), AzureManagedDatabases::postgresFlexibleServer,
            key(MYSQL_FLEXIBLE_SERVERS), AzureManagedDatabases::mysqlFlexibleServer,
            key(METRIC_ALERTS), AzureMetricAlerts::map,
            key(DEFENDER_PLANS), AzureDefenderPricing::map,
            key(DEFENDER_ALERTS), AzureDefenderAlerts::map,
            key(METRICS), AzureCpuMetrics::map);

    private AzureMappings() {
    }

    /** The mapping for a resource type in any letter case; null for types the audit does not read. */
    static Consumer<AzureResource> forType(String type) {
        return type == null ? null : BY_TYPE.get(key(type));
    }

    static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }
}
