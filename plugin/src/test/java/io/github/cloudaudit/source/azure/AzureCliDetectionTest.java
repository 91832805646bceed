package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.github.cloudaudit.source.azure.AzureCliFixtures.SUBSCRIPTION;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.id;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Azure CLI output is recognized by its content, and bad or unknown content is named, never guessed at. */
class AzureCliDetectionTest {

    private static final String VM_ID = id(SUBSCRIPTION, "rg", "Microsoft.Compute/virtualMachines", "vm1");

    @TempDir
    Path folder;

    @Test
    void filesAreRecognizedByContentWhateverTheirNames() throws IOException {
        List<Path> originals;
        try (Stream<Path> files = Files.list(AzureCliFixtures.scenario())) {
            originals = files.sorted().toList();
        }
        for (int i = 0; i < originals.size(); i++) {
            Files.copy(originals.get(i), folder.resolve("x" + (i + 1) + ".json"));
        }

        Inventory renamed = AzureCliFixtures.load(folder);
        Inventory original = AzureCliFixtures.load(AzureCliFixtures.scenario());

        assertThat(renamed.sources()).extracting(SourceFile::format)
                .containsExactlyInAnyOrderElementsOf(original.sources().stream().map(SourceFile::format).toList());
        assertThat(renamed.servers()).extracting(Server::name, Server::account, Server::monitoring)
                .containsExactlyInAnyOrderElementsOf(original.servers().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.name(), s.account(), s.monitoring())).toList());
        assertThat(renamed.scopes()).isEqualTo(original.scopes());
    }

    @Test
    void defenderPlansAreReadFromTheNewerValueObjectAndTheOlderRootList() throws IOException {
        Path wrapped = write("wrapped.json", "{\"value\": [" + plan("VirtualMachines", "Standard") + "]}");
        Path list = write("list.json", "[" + plan("SqlServers", "Free") + "]");

        assertThat(AzureCliFixtures.load(wrapped).scopes())
                .containsExactly(new Scope(Provider.AZURE, SUBSCRIPTION, null, true, null, null));
        assertThat(AzureCliFixtures.load(list).scopes())
                .containsExactly(new Scope(Provider.AZURE, SUBSCRIPTION, null, null, false, null));
    }

    @Test
    void aGraphQueryWithASkipTokenIsACoverageGap() throws IOException {
        Path graph = write("graph.json", "{\"count\": 1, \"data\": [" + graphVm(VM_ID) + "],"
                + " \"skip_token\": \"ew0KICAiJGlkIjogIjEiLA0KICAiTWF4Um93cyI6IDEwMDA=\", \"total_records\": 2400}");

        Inventory inventory = AzureCliFixtures.load(graph);

        assertThat(inventory.servers()).extracting(Server::id).containsExactly(VM_ID);
        assertThat(inventory.gaps()).containsExactly(new CoverageGap(Provider.AZURE, null, null,
                "az graph query results beyond the first page",
                "the output has a skip_token; rerun with --first 1000 and follow --skip-token"));
    }

    @Test
    void aGraphQueryThatFoundNothingIsStillRecognized() throws IOException {
        Path graph = write("graph.json", "{\"count\": 0, \"data\": [], \"skip_token\": null, \"total_records\": 0}");

        Inventory inventory = AzureCliFixtures.load(graph);

        assertThat(inventory.sources()).extracting(SourceFile::format).containsExactly("azure-cli: graph query");
        assertThat(inventory.servers()).isEmpty();
        assertThat(inventory.gaps()).isEmpty();
    }

    @Test
    void alertRulesFoundByAGraphQueryWatchTheirTargetsButProveNoAbsence() throws IOException {
        String other = id(SUBSCRIPTION, "rg", "Microsoft.Compute/virtualMachines", "vm2");
        Path graph = write("graph.json", "{\"count\": 3, \"data\": [" + graphVm(VM_ID) + ", " + graphVm(other) + ", "
                + "{\"id\": \"" + id(SUBSCRIPTION, "rg", "Microsoft.Insights/metricAlerts", "cpu") + "\","
                + " \"type\": \"microsoft.insights/metricalerts\", \"properties\": {\"enabled\": true,"
                + " \"scopes\": [\"" + VM_ID + "\"], \"criteria\": {\"allOf\": [{\"metricName\": \"Percentage CPU\"}]}}}"
                + "], \"skip_token\": null, \"total_records\": 3}");

        Inventory inventory = AzureCliFixtures.load(graph);

        assertThat(server(inventory, "vm1").monitoring().cpuAlarm()).isTrue();
        assertThat(server(inventory, "vm2").monitoring().cpuAlarm()).isNull();
    }

    @Test
    void aListThatHasANextLinkIsACoverageGap() throws IOException {
        Path page = write("page.json", "{\"nextLink\": \"https://management.azure.com/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Compute/virtualMachines?api-version=2024-07-01&$skiptoken=abc\","
                + " \"value\": [" + graphVm(VM_ID) + "]}");

        Inventory inventory = AzureCliFixtures.load(page);

        assertThat(inventory.servers()).hasSize(1);
        assertThat(inventory.gaps()).extracting(CoverageGap::what).containsExactly("az vm list results beyond the first page");
    }

    @Test
    void aVmWithoutAnIdIsAnErrorNamingFileAndLine() throws IOException {
        Path list = write("vms.json", """
                [
                  {"id": "%s", "name": "vm1", "type": "Microsoft.Compute/virtualMachines"},
                  {"name": "vm2", "type": "Microsoft.Compute/virtualMachines",
                   "hardwareProfile": {"vmSize": "Standard_B2s"}}
                ]
                """.formatted(VM_ID));

        assertThatThrownBy(() -> AzureCliFixtures.load(list))
                .isInstanceOfSatisfying(InventoryFormatException.class, e -> {
                    assertThat(e.file()).endsWith("vms.json");
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessageContaining("vms.json:3:")
                .hasMessageContaining("'id'");
    }

    @Test
    void anItemOfAnotherTypeInAListIsAnError() throws IOException {
        Path list = write("vms.json", "[\n" + graphVm(VM_ID) + ",\n{\"id\": \"/subscriptions/" + SUBSCRIPTION
                + "/resourceGroups/rg/providers/Microsoft.Web/sites/app\", \"type\": \"Microsoft.Web/sites\"}\n]");

        assertThatThrownBy(() -> AzureCliFixtures.load(list))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("vms.json:3:")
                .hasMessageContaining("Microsoft.Web/sites");
    }

    @Test
    void aDateThatIsNotIsoIsAnError() throws IOException {
        Path list = write("vms.json", "[{\"id\": \"" + VM_ID + "\", \"type\": \"Microsoft.Compute/virtualMachines\","
                + " \"timeCreated\": \"03/10/2025\"}]");

        assertThatThrownBy(() -> AzureCliFixtures.load(list))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("vms.json:1:")
                .hasMessageContaining("timeCreated");
    }

    @Test
    void unknownAzureTypesInAFolderAreSkippedNotErrors() throws IOException {
        write("sites.json", "[{\"id\": \"/subscriptions/" + SUBSCRIPTION
                + "/resourceGroups/rg/providers/Microsoft.Web/sites/app\", \"type\": \"Microsoft.Web/sites\"}]");
        write("diagnostics.json", "{\"value\": [{\"id\": \"" + VM_ID
                + "/providers/Microsoft.Insights/diagnosticSettings/d\", \"type\": \"Microsoft.Insights/diagnosticSettings\"}]}");
        Files.copy(AzureCliFixtures.scenario().resolve("vm-list.json"), folder.resolve("vm-list.json"));
        List<String> warnings = new ArrayList<>();

        Inventory inventory = AzureCliFixtures.load(warnings, folder);

        assertThat(inventory.sources()).filteredOn(source -> source.format() == null).hasSize(2)
                .allMatch(source -> source.skipped() != null);
        assertThat(warnings).hasSize(2).allMatch(warning -> warning.startsWith("Skipped "));
    }

    @Test
    void anEmptyAlertListCannotBeRecognizedSoCpuAlertsStayUnknown() throws IOException {
        Path subscription = Files.createDirectories(folder.resolve(SUBSCRIPTION));
        Files.copy(AzureCliFixtures.scenario().resolve("vm-list.json"), subscription.resolve("vm-list.json"));
        Files.writeString(subscription.resolve("metrics-alert-list.json"), "[]\n");

        Inventory inventory = AzureCliFixtures.load(folder);

        assertThat(inventory.sources()).filteredOn(source -> source.path().endsWith("metrics-alert-list.json"))
                .singleElement().satisfies(source -> assertThat(source.skipped()).isNotNull());
        assertThat(inventory.servers()).allMatch(s -> s.monitoring().cpuAlarm() == null);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(folder.resolve(name), json);
    }

    private static String plan(String name, String tier) {
        return "{\"freeTrialRemainingTime\": \"0:00:00\", \"id\": \"/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Security/pricings/" + name + "\", \"name\": \"" + name
                + "\", \"pricingTier\": \"" + tier + "\", \"type\": \"Microsoft.Security/pricings\"}";
    }

    private static String graphVm(String id) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + id.substring(id.lastIndexOf('/') + 1) + "\","
                + " \"type\": \"microsoft.compute/virtualmachines\", \"location\": \"westeurope\","
                + " \"properties\": {\"hardwareProfile\": {\"vmSize\": \"Standard_B2s\"}}}";
    }
}
