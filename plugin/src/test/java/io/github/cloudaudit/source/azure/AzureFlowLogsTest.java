package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Network Watcher flow logs: an enabled one records its target; {@code az network watcher flow-log list --location}
 * is every flow log of its region, so there a network nobody records has none, while Resource Graph rows (which a
 * query may have filtered) and other regions stay unknown.
 */
class AzureFlowLogsTest {

    private static final String VNET = ArmRows.GROUP + "Microsoft.Network/virtualNetworks/vnet1";
    private static final String OTHER_VNET = ArmRows.GROUP + "Microsoft.Network/virtualNetworks/vnet2";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "enabled {0}, provisioning {1} -> recorded {2}")
    @CsvSource({"true, Succeeded, true", "false, Succeeded, false", "true, Failed, false"})
    void onlyAnEnabledFlowLogThatProvisionedRecords(boolean enabled, String state, boolean recorded) throws IOException {
        write("flow-log-list.json", "[" + flowLog(VNET, enabled, state, "Microsoft.Network/networkWatchers/flowLogs") + "]");

        assertThat(flowLogs(load(), VNET)).isEqualTo(recorded);
    }

    @Test
    void theCliListingOfARegionShowsItsOtherNetworksHaveNone() throws IOException {
        write("flow-log-list.json", "[" + flowLog(OTHER_VNET, true, "Succeeded", "Microsoft.Network/networkWatchers/flowLogs") + "]");

        Inventory inventory = load();

        assertThat(flowLogs(inventory, VNET)).isFalse();
        assertThat(flowLogs(inventory, OTHER_VNET)).isTrue();
        assertThat(flowLogs(inventory, ArmRows.GROUP + "Microsoft.Network/virtualNetworks/vnet-west")).isNull();
    }

    @Test
    void graphRowsAddFlowLogsButNeverShowThatOneIsMissing() throws IOException {
        write("graph.json", "{\"count\": 1, \"data\": [" + flowLog(OTHER_VNET, true, "Succeeded",
                "microsoft.network/networkwatchers/flowlogs") + "], \"skip_token\": null, \"total_records\": 1}");

        Inventory inventory = load();

        assertThat(flowLogs(inventory, VNET)).isNull();
        assertThat(flowLogs(inventory, OTHER_VNET)).isTrue();
    }

    @Test
    void aFlowLogWithoutTargetIsAnErrorNamingTheFileAndLine() throws IOException {
        write("flow-log-list.json", "[\n" + flowLog(VNET, true, "Succeeded", "Microsoft.Network/networkWatchers/flowLogs")
                .replace("\"targetResourceId\"", "\"target\"") + "]");

        assertThatThrownBy(() -> load())
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("flow-log-list.json:2:")
                .hasMessageContaining("'targetResourceId'");
    }

    /** The folder, with the subscription's virtual networks beside the flow logs. */
    private Inventory load() throws IOException {
        write("vnet-list.json", "[" + vnet(VNET, "northeurope") + ", " + vnet(OTHER_VNET, "northeurope") + ", "
                + vnet(ArmRows.GROUP + "Microsoft.Network/virtualNetworks/vnet-west", "westeurope") + "]");
        return AzureCliFixtures.load(folder);
    }

    private static Boolean flowLogs(Inventory inventory, String network) {
        return inventory.network(Provider.AZURE, ArmRows.SUBSCRIPTION, network).orElseThrow().flowLogs();
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(folder.resolve(name), json);
    }

    /** As {@code az network watcher flow-log list} prints one (properties flattened), or a Graph row when the type is lower case. */
    private static String flowLog(String target, boolean enabled, String state, String type) {
        String id = "/subscriptions/" + ArmRows.SUBSCRIPTION + "/resourceGroups/NetworkWatcherRG/providers/"
                + "Microsoft.Network/networkWatchers/NetworkWatcher_northeurope/flowLogs/fl-" + target.substring(target.lastIndexOf('/') + 1);
        String properties = """
                "targetResourceId": "%s", "enabled": %s, "provisioningState": "%s",
                 "storageId": "/subscriptions/%s/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stflowlogs",
                 "retentionPolicy": {"days": 90, "enabled": true}, "format": {"type": "JSON", "version": 2}"""
                .formatted(target, enabled, state, ArmRows.SUBSCRIPTION);
        boolean graph = type.equals(type.toLowerCase());
        return "{\"id\": \"" + id + "\", \"name\": \"fl\", \"type\": \"" + type + "\", \"location\": \"northeurope\", "
                + (graph ? "\"properties\": {" + properties + "}}" : properties + "}");
    }

    private static String vnet(String id, String location) {
        return """
                {"id": "%s", "name": "%s", "type": "Microsoft.Network/virtualNetworks", "location": "%s",
                 "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": []}"""
                .formatted(id, id.substring(id.lastIndexOf('/') + 1), location);
    }
}
