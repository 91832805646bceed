package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.github.cloudaudit.source.azure.AzureCliFixtures.SUBSCRIPTION;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.id;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** The scenario subscription: a forgotten SQL Server VM among healthy resources, read from Azure CLI output. */
class AzureCliScenarioTest {

    private static Inventory inventory;
    private static final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        inventory = AzureCliFixtures.load(warnings, AzureCliFixtures.scenario());
    }

    @Test
    void theForgottenVmIsARunningSqlServer2014OnWindowsServer2012R2WithNothingWatchingIt() {
        Server vm = server(inventory, "legacy-erp-sql");

        assertThat(vm.provider()).isEqualTo(Provider.AZURE);
        assertThat(vm.kind()).isEqualTo(ResourceKind.VIRTUAL_MACHINE);
        assertThat(vm.id()).isEqualTo(id(SUBSCRIPTION, "RG-LEGACY-ERP", "Microsoft.Compute/virtualMachines", "legacy-erp-sql"));
        assertThat(vm.account()).isEqualTo(SUBSCRIPTION);
        assertThat(vm.region()).isEqualTo("westeurope");
        assertThat(vm.type()).isEqualTo("Standard_D2");
        assertThat(vm.state()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.launchedOn()).isEqualTo(LocalDate.of(2017, 9, 18));
        assertThat(vm.os()).isEqualTo(new OperatingSystem("windows-server", "2012 R2",
                "MicrosoftSQLServer:SQL2014SP3-WS2012R2:Standard"));
        assertThat(vm.engine()).isEqualTo(new DatabaseEngine("sqlserver", "2014"));
        assertThat(vm.image()).isEqualTo("MicrosoftSQLServer:SQL2014SP3-WS2012R2:Standard:12.0.230710");
        assertThat(vm.tag("owner")).isEmpty();
        assertThat(vm.tags()).containsEntry("application", "erp");
        assertThat(vm.networkIds()).isEmpty();
        // The only CPU alert on it is disabled, and its extensions hold no monitoring agent.
        assertThat(vm.monitoring()).isEqualTo(new Monitoring(false, null, false));
        assertThat(vm.origin().file()).endsWith("vm-list.json");
    }

    @Test
    void theHealthyVmIsAnOwnedUbuntu2204WatchedByACpuAlertAndTheMonitorAgent() {
        Server vm = server(inventory, "app-vm-01");

        assertThat(vm.type()).isEqualTo("Standard_D2s_v5");
        assertThat(vm.state()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.launchedOn()).isEqualTo(LocalDate.of(2025, 2, 11));
        assertThat(vm.os().product()).isEqualTo("ubuntu");
        assertThat(vm.os().version()).isEqualTo("22.04");
        assertThat(vm.engine()).isNull();
        assertThat(vm.image()).isEqualTo("Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:22.04.202507300");
        assertThat(vm.tag("Owner")).contains("team-payments");
        assertThat(vm.monitoring()).isEqualTo(new Monitoring(true, null, true));
    }

    @Test
    void theAzureSqlServerIsPublicAndDatedByItsOldestDatabase() {
        Server sql = server(inventory, "sql-crm-prod");

        assertThat(sql.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
        assertThat(sql.id()).isEqualTo(id(SUBSCRIPTION, "RG-DATA", "Microsoft.Sql/servers", "sql-crm-prod"));
        assertThat(sql.account()).isEqualTo(SUBSCRIPTION);
        assertThat(sql.engine()).isEqualTo(new DatabaseEngine("azure-sql", "12.0"));
        assertThat(sql.publiclyAccessible()).isTrue();
        assertThat(sql.state()).isEqualTo(PowerState.RUNNING);
        assertThat(sql.launchedOn()).isEqualTo(LocalDate.of(2019, 4, 2));
        assertThat(sql.tags()).containsEntry("application", "crm");
        // A DTU alert on its database is not a CPU alert.
        assertThat(sql.monitoring().cpuAlarm()).isFalse();
        assertThat(inventory.servers()).noneMatch(s -> s.id().contains("/databases/"));
    }

    @Test
    void thePostgresFlexibleServerRunsVersion11Privately() {
        Server pg = server(inventory, "pg-reports-legacy");

        assertThat(pg.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
        assertThat(pg.engine()).isEqualTo(new DatabaseEngine("postgresql", "11.22"));
        assertThat(pg.type()).isEqualTo("Standard_B2s");
        assertThat(pg.publiclyAccessible()).isFalse();
        assertThat(pg.state()).isEqualTo(PowerState.RUNNING);
        assertThat(pg.launchedOn()).isEqualTo(LocalDate.of(2021, 8, 10));
        assertThat(pg.monitoring().cpuAlarm()).isFalse();
    }

    @Test
    void resourceGraphRowsMapLikeTheCliListsOfTheirType() {
        Server agent = server(inventory, "build-agent-02");
        assertThat(agent.region()).isEqualTo("northeurope");
        assertThat(agent.type()).isEqualTo("Standard_B2s");
        assertThat(agent.state()).isEqualTo(PowerState.STOPPED);
        assertThat(agent.launchedOn()).isNull();
        assertThat(agent.os()).isEqualTo(new OperatingSystem("debian", "10", "Debian:debian-10:10"));
        assertThat(agent.tag("owner")).contains("team-platform");
        // Its OmsAgentForLinux extension is a row of its own in the same query.
        assertThat(agent.monitoring().agent()).isTrue();
        assertThat(agent.monitoring().cpuAlarm()).isFalse();
        assertThat(agent.origin().file()).endsWith("graph-query.json");

        Server mysql = server(inventory, "mysql-wiki");
        assertThat(mysql.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
        assertThat(mysql.engine()).isEqualTo(new DatabaseEngine("mysql", "5.7"));
        assertThat(mysql.type()).isEqualTo("Standard_B1ms");
        assertThat(mysql.state()).isEqualTo(PowerState.STOPPED);
        assertThat(mysql.publiclyAccessible()).isTrue();

        assertThat(inventory.servers()).extracting(Server::name).doesNotContain("vnet-app");
    }

    @Test
    void defenderPlansGiveTheSubscriptionScope() {
        assertThat(inventory.scopes()).containsExactly(new Scope(Provider.AZURE, SUBSCRIPTION, null, false, true, null));
        assertThat(inventory.accountScope(server(inventory, "legacy-erp-sql"))).isPresent();
    }

    @Test
    void everyFileIsReadAsTheCommandThatPrintedIt() {
        assertThat(inventory.sources()).extracting(SourceFile::skipped).containsOnlyNulls();
        assertThat(inventory.sources()).extracting(SourceFile::format).containsExactlyInAnyOrder(
                "azure-cli: graph query",
                "azure-cli: monitor metrics alert list",
                "azure-cli: postgres flexible-server list",
                "azure-cli: security pricing list",
                "azure-cli: sql db list",
                "azure-cli: sql server list",
                "azure-cli: vm list");
        assertThat(inventory.servers()).hasSize(6);
        assertThat(inventory.gaps()).isEmpty();
        assertThat(warnings).isEmpty();
    }
}
