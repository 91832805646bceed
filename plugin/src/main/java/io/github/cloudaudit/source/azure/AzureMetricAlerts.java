package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Maps Azure Monitor metric alert rules (Microsoft.Insights/metricAlerts) that watch CPU. A rule's scopes are
 * resources, or, for a multi-resource rule, a resource group or a whole subscription: then it watches every resource
 * of its target type in its target region under that scope.
 */
final class AzureMetricAlerts {

    /**
     * "Percentage CPU" of virtual machines; "cpu_percent" of SQL databases and elastic pools and of flexible servers;
     * "avg_cpu_percent" of SQL managed instances.
     */
    private static final Set<String> CPU_METRICS = Set.of("percentage cpu", "cpu_percent", "avg_cpu_percent");

    private static final String SQL_DATABASES = "/databases/";

    private AzureMetricAlerts() {
    }

    static void map(AzureResource alert) {
        alert.id(); // required of every resource, also of rules that turn out not to watch CPU
        Boolean enabled = alert.bool("enabled");
        if (enabled == null) {
            throw alert.fail("expected a metric alert rule to say whether it is 'enabled'");
        }
        String cpuMetricType = cpuCriterionType(alert);
        if (!enabled || cpuMetricType == null) {
            return;
        }
        JsonNode scopes = alert.property("scopes");
        if (scopes == null || !scopes.isArray()) {
            throw alert.fail("expected a metric alert rule to list its 'scopes'");
        }
        String targetType = alert.text("targetResourceType");
        String targetRegion = alert.text("targetResourceRegion");
        for (JsonNode node : scopes) {
            String scope = AzureResource.text(node);
            if (scope == null || scope.isBlank()) {
                continue;
            }
            if (AzureResource.typeOf(scope) != null) {
                watchResource(alert, scope);
            } else {
                alert.builder().cpuAlarmCovering(under(scope,
                        blank(targetType) ? cpuMetricType : targetType, blank(targetRegion) ? null : targetRegion));
            }
        }
    }

    /**
     * A CPU alert on an Azure SQL database watches the logical server's CPU as far as Azure SQL has one: CPU is
     * metered per database, so the server counts as watched when any of its databases is.
     */
    private static void watchResource(AzureResource alert, String resourceId) {
        alert.builder().cpuAlarm(Provider.AZURE, resourceId);
        int databases = resourceId.toLowerCase(Locale.ROOT).indexOf(SQL_DATABASES);
        if (databases > 0 && "microsoft.sql/servers".equals(AzureResource.typeOf(resourceId))) {
            alert.builder().cpuAlarm(Provider.AZURE, resourceId.substring(0, databases));
        }
    }

    /** The metric namespace of the first CPU criterion (an empty string when it names none); null when no criterion is on CPU. */
    private static String cpuCriterionType(AzureResource alert) {
        JsonNode criteria = alert.property("criteria", "allOf");
        if (criteria == null || !criteria.isArray()) {
            return null;
        }
        for (JsonNode criterion : criteria) {
            String metric = AzureResource.text(criterion.get("metricName"));
            if (metric != null && CPU_METRICS.contains(metric.toLowerCase(Locale.ROOT))) {
                String namespace = AzureResource.text(criterion.get("metricNamespace"));
                return namespace == null ? "" : namespace;
            }
        }
        return null;
    }

    /**
     * Servers under a subscription or resource group scope whose type is the target type (or its parent, as a SQL
     * server is of its databases) and that sit in the target region when the rule names one.
     */
    static Predicate<Server> under(String scope, String targetType, String targetRegion) {
        String prefix = (scope.endsWith("/") ? scope : scope + "/").toLowerCase(Locale.ROOT);
        String type = targetType == null ? "" : targetType.toLowerCase(Locale.ROOT);
        return server -> {
            if (server.provider() != Provider.AZURE || server.id() == null
                    || !server.id().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return false;
            }
            String serverType = AzureResource.typeOf(server.id());
            boolean typeMatches = type.isEmpty() || type.equals(serverType) || type.startsWith(serverType + "/");
            return typeMatches && (targetRegion == null || targetRegion.equalsIgnoreCase(server.region()));
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
