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
    static final String NETWORK_INTERFACES = "Microsoft.Network/networkInterfaces";
    static final String NETWORK_SECURITY_GROUPS = "Microsoft.Network/networkSecurityGroups";
    static final String VIRTUAL_NETWORKS = "Microsoft.Network/virtualNetworks";
    static final String FLOW_LOGS = "Microsoft.Network/networkWatchers/flowLogs";
    static final String SQL_MANAGED_INSTANCES = "Microsoft.Sql/managedInstances";
    static final String SQL_VIRTUAL_MACHINES = "Microsoft.SqlVirtualMachine/sqlVirtualMachines";
    static final String COSMOS_DB_ACCOUNTS = "Microsoft.DocumentDB/databaseAccounts";

    private static final Map<String, Consumer<AzureResource>> BY_TYPE = Map.ofEntries(
            entry(VIRTUAL_MACHINES, AzureVirtualMachines::map),
            entry(VM_EXTENSIONS, AzureVirtualMachines::mapExtension),
            entry(SQL_SERVERS, AzureManagedDatabases::sqlServer),
            entry(SQL_DATABASES, AzureManagedDatabases::sqlDatabase),
            entry(POSTGRES_FLEXIBLE_SERVERS, AzureManagedDatabases::postgresFlexibleServer),
            entry(MYSQL_FLEXIBLE_SERVERS, AzureManagedDatabases::mysqlFlexibleServer),
            entry(METRIC_ALERTS, AzureMetricAlerts::map),
            entry(DEFENDER_PLANS, AzureDefenderPricing::map),
            entry(DEFENDER_ALERTS, AzureDefenderAlerts::map),
            entry(METRICS, AzureCpuMetrics::map),
            entry(NETWORK_INTERFACES, AzureNetworkInterfaces::map),
            entry(NETWORK_SECURITY_GROUPS, AzureNetworkSecurityGroups::map),
            entry(VIRTUAL_NETWORKS, AzureVirtualNetworks::map),
            entry(FLOW_LOGS, AzureFlowLogs::map),
            entry(SQL_MANAGED_INSTANCES, AzureSqlManagedInstances::map),
            entry(SQL_VIRTUAL_MACHINES, AzureSqlVirtualMachines::map),
            entry(COSMOS_DB_ACCOUNTS, AzureCosmosDbAccounts::map));

    private static Map.Entry<String, Consumer<AzureResource>> entry(String type, Consumer<AzureResource> mapping) {
        return Map.entry(key(type), mapping);
    }

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
