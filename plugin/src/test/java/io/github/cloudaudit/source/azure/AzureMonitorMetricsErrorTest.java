package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.cloudaudit.source.azure.AzureCliFixtures.SUBSCRIPTION;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.load;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.scenario;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** A "Percentage CPU" metric that Azure Monitor could not read, as {@code az monitor metrics list} prints it. */
class AzureMonitorMetricsErrorTest {

    @TempDir
    Path dir;

    @Test
    void aMetricWithAnErrorCodeIsAGapAndTheVmsCpuStaysUnknown() throws IOException {
        String vm = "/subscriptions/" + SUBSCRIPTION
                + "/resourceGroups/RG-LEGACY-ERP/providers/Microsoft.Compute/virtualMachines/legacy-erp-sql";
        Path file = dir.resolve("cpu.json");
        Files.writeString(file, """
                {"interval": "PT1H", "namespace": "Microsoft.Compute/virtualMachines", "value": [
                  {"id": "%s/providers/Microsoft.Insights/metrics/Percentage CPU", "type": "Microsoft.Insights/metrics",
                   "name": {"value": "Percentage CPU"}, "errorCode": "ResourceNotFound",
                   "errorMessage": "The resource was not found", "timeseries": []}]}
                """.formatted(vm));

        Inventory inventory = load(scenario().resolve("vm-list.json"), file);

        assertThat(server(inventory, "legacy-erp-sql").cpu()).isNull();
        assertThat(inventory.gaps()).singleElement().extracting(CoverageGap::account, CoverageGap::what,
                CoverageGap::reason).containsExactly(SUBSCRIPTION, "Percentage CPU of " + vm,
                "ResourceNotFound: The resource was not found");
    }
}
