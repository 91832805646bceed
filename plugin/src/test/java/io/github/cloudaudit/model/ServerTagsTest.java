package io.github.cloudaudit.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /**
     * The tags hold what a tree map ordered by {@link String#CASE_INSENSITIVE_ORDER} holds after putting the same tags
     * in turn: which spelling of a key stays, which value, the order, and every look-up, on random tags whose keys
     * differ in case, with letters beyond ASCII and beyond the Basic Multilingual Plane.
     */
    @Test
    void tagsHoldWhatACaseInsensitiveTreeMapHolds() {
        String[] letters = {"a", "A", "b", "B", "\u00e9", "\u00c9", "\u00df", "\ud801\udc00", "\ud801\udc28", "-"};
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> given = new LinkedHashMap<>();
            TreeMap<String, String> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int tag = random.nextInt(12); tag > 0; tag--) {
                String key = word(random, letters);
                String value = random.nextInt(5) == 0 ? null : word(random, letters);
                given.put(key, value);
            }
            given.forEach((key, value) -> expected.put(key, value == null ? "" : value));

            Map<String, String> tags = server(given).tags();

            assertThat(new ArrayList<>(tags.entrySet())).as("tags %s", given)
                    .containsExactlyElementsOf(new ArrayList<>(expected.entrySet()));
            List<String> visited = new ArrayList<>();
            tags.forEach((key, value) -> visited.add(key + "=" + value));
            assertThat(visited).isEqualTo(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .toList());
            assertThat(tags).hasSize(expected.size()).isEqualTo(expected).hasSameHashCodeAs(expected)
                    .hasToString(expected.toString());
            assertThat(expected).isEqualTo(tags);
            for (int probe = 0; probe < 20; probe++) {
                String key = word(random, letters);
                assertThat(tags.get(key)).as("get %s of %s", key, given).isEqualTo(expected.get(key));
                assertThat(tags.containsKey(key)).isEqualTo(expected.containsKey(key));
            }
        }
    }

    private static String word(Random random, String[] letters) {
        StringBuilder word = new StringBuilder();
        for (int length = 1 + random.nextInt(3); length > 0; length--) {
            word.append(letters[random.nextInt(letters.length)]);
        }
        return word.toString();
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
