package io.github.cloudaudit.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerTagsTest {

    private static Server server(Map<String, String> tags) {
        return Server.builder().provider(Provider.AWS).id("i-1").account("111122223333").tags(tags).build();
    }

    @Test
    void tagsAreLookedUpIgnoringCaseAndListedInTheOrderOfTheirKeys() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("role", "db");
        given.put("Owner", "team-a");
        given.put("Env", null);

        Server server = server(given);

        assertThat(server.tag("OWNER")).contains("team-a");
        assertThat(server.tags()).containsExactly(Map.entry("Env", ""), Map.entry("Owner", "team-a"),
                Map.entry("role", "db"));
        assertThat(server.tags()).isEqualTo(new TreeMap<>(Map.of("Env", "", "Owner", "team-a", "role", "db")))
                .hasSameHashCodeAs(Map.of("Env", "", "Owner", "team-a", "role", "db"));
    }

    @Test
    void tagsCannotBeChangedThroughTheServerNorThroughTheMapTheyCameFrom() {
        Map<String, String> given = new LinkedHashMap<>(Map.of("owner", "team-a"));
        Server server = server(given);

        given.put("owner", "someone else");

        assertThat(server.tag("owner")).contains("team-a");
        assertThatThrownBy(() -> server.tags().put("owner", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> server.tags().entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> server.tags().keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aServerRebuiltFromAnotherKeepsItsTagsRatherThanCopyingThem() {
        Server server = server(Map.of("Owner", "team-a"));

        Server rebuilt = server.toBuilder().name("renamed").build();

        assertThat(rebuilt.tags()).isSameAs(server.tags());
        assertThat(rebuilt.tag("owner")).contains("team-a");
    }
}
