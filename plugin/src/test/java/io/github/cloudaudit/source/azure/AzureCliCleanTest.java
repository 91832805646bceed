package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static io.github.cloudaudit.source.azure.AzureCliFixtures.CLEAN_SUBSCRIPTION;
import static io.github.cloudaudit.source.azure.AzureCliFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;

/** The clean subscription: every resource owned, current and watched, Defender on the Standard tier. */
class AzureCliCleanTest {

    private static Inventory inventory;

    @BeforeAll
    static void load() throws IOException {
        inventory = AzureCliFixtures.load(AzureCliFixtures.clean());
    }

    @Test
    void aVmInTheResourceGroupOfAMultiResourceAlertIsWatched() {
        Server vm = server(inventory, "web-vm-01");

        assertThat(vm.state()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.os().product()).isEqualTo("ubuntu");
        assertThat(vm.os().version()).isEqualTo("24.04");
        assertThat(vm.image()).isEqualTo("canonical:ubuntu-24_04-lts:server:24.04.202510010");
        assertThat(vm.launchedOn()).isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(vm.tag("owner")).contains("team-web");
        assertThat(vm.monitoring()).isEqualTo(new Monitoring(true, null, true));
    }

    @Test
    void aCpuAlertOnADatabaseWatchesItsSqlServer() {
        Server sql = server(inventory, "sql-web-prod");

        assertThat(sql.publiclyAccessible()).isFalse();
        assertThat(sql.monitoring().cpuAlarm()).isTrue();
    }

    @Test
    void aCpuAlertOnAFlexibleServerWatchesIt() {
        Server pg = server(inventory, "pg-web-prod");

        assertThat(pg.engine().version()).isEqualTo("16.8");
        assertThat(pg.monitoring().cpuAlarm()).isTrue();
    }

    @Test
    void theOlderRootListOfDefenderPlansGivesTheSameScopeFacts() {
        assertThat(inventory.scopes()).containsExactly(new Scope(Provider.AZURE, CLEAN_SUBSCRIPTION, null, true, true, null));
        assertThat(inventory.sources()).allMatch(source -> source.format() != null);
    }
}
