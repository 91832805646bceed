package io.github.cloudaudit.source;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Alarms that cover servers by a rule rather than by id, and creation dates learned from other files. */
class InventoryBuilderCoverageTest {

    private final InventoryBuilder builder = new InventoryBuilder();

    @Test
    void anAlarmCoveringServersWatchesThoseItMatchesOnly() {
        builder.server(server("/groups/a/vm1").build());
        builder.server(server("/groups/b/vm2").build());
        builder.cpuAlarmCovering(server -> server.id().startsWith("/groups/a/"));
        builder.alarmsCollected(Provider.AZURE, "sub", null);

        Inventory inventory = builder.build();

        assertThat(inventory.servers()).extracting(s -> s.monitoring().cpuAlarm()).containsExactly(true, false);
    }

    @Test
    void withoutTheAlarmListingAnUncoveredServerStaysUnknown() {
        builder.server(server("/groups/b/vm2").build());
        builder.cpuAlarmCovering(server -> false);

        assertThat(builder.build().servers().get(0).monitoring().cpuAlarm()).isNull();
    }

    @Test
    void theEarliestDateAServerExistedOnBecomesItsLaunchDate() {
        builder.server(server("/servers/sql1").build());
        builder.existedOn(Provider.AZURE, "/SERVERS/SQL1", LocalDate.of(2020, 5, 1));
        builder.existedOn(Provider.AZURE, "/servers/sql1", LocalDate.of(2019, 4, 2));
        builder.existedOn(Provider.AZURE, "/servers/sql1", LocalDate.of(2021, 1, 1));

        assertThat(builder.build().servers().get(0).launchedOn()).isEqualTo(LocalDate.of(2019, 4, 2));
    }

    @Test
    void aServersOwnLaunchDateIsKept() {
        builder.server(server("/servers/sql1").launchedOn(LocalDate.of(2022, 1, 1)).build());
        builder.existedOn(Provider.AZURE, "/servers/sql1", LocalDate.of(2019, 4, 2));

        assertThat(builder.build().servers().get(0).launchedOn()).isEqualTo(LocalDate.of(2022, 1, 1));
    }

    private static Server.Builder server(String id) {
        return Server.builder().provider(Provider.AZURE).id(id).account("sub").region("westeurope");
    }
}
