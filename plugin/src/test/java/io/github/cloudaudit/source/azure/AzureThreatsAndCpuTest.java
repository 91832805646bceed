package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.ThreatFinding;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static io.github.cloudaudit.source.azure.AzureCliFixtures.load;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.scenario;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defender for Cloud alerts ({@code az security alert list}) and CPU metrics ({@code az monitor metrics list}). */
class AzureThreatsAndCpuTest {

    @TempDir
    Path dir;

    private static Path threats(String file) throws URISyntaxException {
        return Path.of(AzureThreatsAndCpuTest.class.getResource("/inventories/azure-threats/" + file).toURI());
    }

    @Test
    void anOpenMiningAlertNamesItsVmWhateverTheLetterCaseOfItsId() throws Exception {
        Inventory inventory = load(scenario().resolve("vm-list.json"), threats("security-alert-list.json"));

        assertThat(inventory.threats(server(inventory, "legacy-erp-sql"))).singleElement().satisfies(t -> {
            assertThat(t.service()).isEqualTo("Microsoft Defender for Cloud");
            assertThat(t.type()).isEqualTo("Digital currency mining related behavior detected");
            assertThat(t.cryptomining()).isTrue();
            assertThat(t.firstSeen()).isEqualTo(LocalDate.of(2026, 6, 1));
        });
        assertThat(inventory.threats(server(inventory, "app-vm-01")))
                .as("the dismissed mining alert does not count; the open one is not about mining")
                .extracting(ThreatFinding::type, ThreatFinding::cryptomining)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Suspicious authentication activity", false));
    }

    @Test
    void miningIsRecognizedByTheAlertsDisplayName() {
        assertThat(AzureDefenderAlerts.cryptomining("Digital currency mining related behavior detected")).isTrue();
        assertThat(AzureDefenderAlerts.cryptomining("Process associated with digital currency mining detected")).isTrue();
        assertThat(AzureDefenderAlerts.cryptomining("Container with a miner image detected")).isTrue();
        assertThat(AzureDefenderAlerts.cryptomining("Digital currency mining activity")).isTrue();
        assertThat(AzureDefenderAlerts.cryptomining("Suspicious authentication activity")).isFalse();
    }

    @Test
    void percentageCpuOfAVmBecomesItsCpuStatisticsAndEmptyIntervalsAreLeftOut() throws Exception {
        Inventory inventory = load(scenario().resolve("vm-list.json"), threats("monitor-metrics-list-legacy-erp-sql.json"));

        CpuStatistics cpu = server(inventory, "legacy-erp-sql").cpu();
        assertThat(cpu.periodDays()).isEqualTo(14);
        assertThat(cpu.averagePercent()).isCloseTo(97.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cpu.maximumPercent()).isEqualTo(100.0);
        assertThat(server(inventory, "app-vm-01").cpu()).isNull();
    }

    @Test
    void aMetricWhoseIdNamesNoResourceIsAnError() throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, """
                {"value": [{"id": "Percentage CPU", "name": {"value": "Percentage CPU"},
                            "type": "Microsoft.Insights/metrics", "timeseries": []}]}
                """);

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("metrics.json:1:")
                .hasMessageContaining("expected the metric's id to be a VM id followed by");
    }
}
