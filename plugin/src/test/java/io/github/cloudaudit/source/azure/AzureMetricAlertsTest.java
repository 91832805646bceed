package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which servers a metric alert rule scoped to a resource group or subscription watches. */
class AzureMetricAlertsTest {

    private static final String GROUP = "/subscriptions/s/resourceGroups/rg-web";

    @Test
    void aGroupScopeWatchesServersOfItsTargetTypeAndRegionInThatGroup() {
        Predicate<Server> watched = AzureMetricAlerts.under(GROUP, "Microsoft.Compute/virtualMachines", "westeurope");

        assertThat(watched).accepts(server(GROUP + "/providers/Microsoft.Compute/virtualMachines/vm1", "westeurope"));
        assertThat(watched).rejects(
                server(GROUP + "/providers/Microsoft.Compute/virtualMachines/vm2", "northeurope"),
                server("/subscriptions/s/resourceGroups/rg-web2/providers/Microsoft.Compute/virtualMachines/vm3", "westeurope"),
                server(GROUP + "/providers/Microsoft.Sql/servers/sql1", "westeurope"));
    }

    @Test
    void aSubscriptionScopeWithoutRegionWatchesEveryRegionAndTheParentOfItsTargetType() {
        Predicate<Server> watched = AzureMetricAlerts.under("/subscriptions/S/", "Microsoft.Sql/servers/databases", null);

        assertThat(watched).accepts(server(GROUP + "/providers/Microsoft.Sql/servers/sql1", "northeurope"));
        assertThat(watched).rejects(server(GROUP + "/providers/Microsoft.Compute/virtualMachines/vm1", "northeurope"));
    }

    @ParameterizedTest(name = "{0} on a managed instance -> watched {1}")
    @CsvSource({"avg_cpu_percent, true", "Percentage CPU, true", "storage_space_used_mb, false"})
    void aManagedInstancesCpuAlertIsOnAvgCpuPercent(String metric, boolean watched) {
        InventoryBuilder builder = new InventoryBuilder();
        String instance = ArmRows.GROUP + "Microsoft.Sql/managedInstances/sqlmi1";
        ArmRows.map(builder, "{\"id\": \"" + instance + "\", \"type\": \"Microsoft.Sql/managedInstances\"}");
        ArmRows.map(builder, """
                {"id": "%s", "type": "Microsoft.Insights/metricAlerts", "properties": {"enabled": true,
                 "scopes": ["%s"], "criteria": {"allOf": [{"metricName": "%s", "operator": "GreaterThan"}]}}}"""
                .formatted(ArmRows.GROUP + "Microsoft.Insights/metricAlerts/cpu", instance, metric));

        assertThat(builder.build().servers().get(0).monitoring().cpuAlarm()).isEqualTo(watched ? Boolean.TRUE : null);
    }

    private static Server server(String id, String region) {
        return Server.builder().provider(Provider.AZURE).id(id).region(region).build();
    }
}
