package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mapping, two transports: the same resources as Resource Graph rows ({@code az graph query}, the shape the live
 * audit receives) and as the Azure CLI lists them ({@code az vm list -d}, {@code az network nic list}, ...: flattened
 * properties, the SDK's attribute names, proper-case types) yield the same facts.
 */
class AzureArmParityTest {

    private static final String SUBSCRIPTION = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918";
    private static final String GROUP = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-data/providers/";
    private static final String VNET = GROUP + "Microsoft.Network/virtualNetworks/vnet-data";

    private static Inventory graph;
    private static Inventory cli;

    @BeforeAll
    static void loadBoth() throws IOException {
        List<String> warnings = new java.util.ArrayList<>();
        graph = InventoryLoader.withBuiltInReaders(warnings::add).load(List.of(resource("/inventories/azure-arm/graph")));
        cli = InventoryLoader.withBuiltInReaders(warnings::add).load(List.of(resource("/inventories/azure-arm/cli")));
        assertThat(warnings).as("every file is recognized").isEmpty();
    }

    @Test
    void graphRowsAndCliItemsOfTheSameResourcesGiveTheSameServersAndNetworks() {
        assertThat(withoutOrigins(cli)).hasSize(3).isEqualTo(withoutOrigins(graph));
        assertThat(cli.networks()).isEqualTo(graph.networks());
    }

    @Test
    void theVmIsJoinedToItsInterfaceSubnetAndBothSecurityGroups() {
        for (Inventory inventory : List.of(graph, cli)) {
            Server vm = AzureCliFixtures.server(inventory, "db-vm-01");
            assertThat(vm.state()).isEqualTo(PowerState.STOPPED);
            assertThat(vm.os()).extracting(OperatingSystem::product, OperatingSystem::version)
                    .containsExactly("windows-server", "2022");
            assertThat(vm.engine()).as("from the SQL IaaS registration").isEqualTo(new DatabaseEngine("sqlserver", "2019"));
            assertThat(vm.networkIds()).containsExactly(VNET);
            String both = "nsg-snet-db and nsg-db-vm-01";
            // The subnet lets in 1400-1499 from anywhere; the interface's group denies 1434 before allowing
            // 1430-1440 from the internet, and allows the partners' ports, which the subnet does not let through.
            assertThat(vm.ingress()).containsExactlyInAnyOrder(
                    new IngressRule("Tcp", 1430, 1433, "Internet", both),
                    new IngressRule("Tcp", 1435, 1440, "Internet", both),
                    new IngressRule("Tcp", 1400, 1499, "VirtualNetwork", both),
                    new IngressRule("Tcp", 1400, 1499, "AzureLoadBalancer", both),
                    new IngressRule("*", null, null, "VirtualNetwork", both),
                    new IngressRule("*", null, null, "AzureLoadBalancer", both));
        }
    }

    @Test
    void theFlowLogOnTheInterfacesGroupRecordsTheWholeNetworkAsFarAsItsInterfacesAreKnown() {
        assertThat(graph.network(io.github.cloudaudit.model.Provider.AZURE, SUBSCRIPTION, VNET))
                .map(Network::flowLogs).contains(true);
    }

    @Test
    void theManagedInstanceAndTheCosmosAccountAreDatabaseHosts() {
        for (Inventory inventory : List.of(graph, cli)) {
            Server instance = AzureCliFixtures.server(inventory, "sqlmi-data-01");
            assertThat(instance.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
            assertThat(instance.engine()).isEqualTo(new DatabaseEngine("azure-sql-managed-instance", null));
            assertThat(instance.state()).isEqualTo(PowerState.RUNNING);
            assertThat(instance.publiclyAccessible()).isTrue();
            assertThat(instance.type()).isEqualTo("GP_Gen5");
            assertThat(instance.networkIds()).containsExactly(VNET);
            assertThat(instance.launchedOn()).isEqualTo(LocalDate.of(2022, 9, 12));

            Server cosmos = AzureCliFixtures.server(inventory, "cosmos-data-events");
            assertThat(cosmos.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
            assertThat(cosmos.engine()).isEqualTo(new DatabaseEngine("cosmosdb", "MongoDB API 4.2"));
            assertThat(cosmos.publiclyAccessible()).as("public access on, no IP or network rule").isTrue();
            assertThat(cosmos.launchedOn()).isEqualTo(LocalDate.of(2021, 4, 20));
        }
    }

    private static List<Server> withoutOrigins(Inventory inventory) {
        return inventory.servers().stream().map(server -> server.toBuilder().origin(null).build())
                .sorted(Comparator.comparing(server -> server.id().toLowerCase(Locale.ROOT))).toList();
    }

    private static Path resource(String name) {
        try {
            return Path.of(AzureArmParityTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
