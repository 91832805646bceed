package io.github.cloudaudit.source.normalized;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryLoader;
import io.github.cloudaudit.testing.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in docs/inventory-format.md are read by the reader and valid against the schema, so the page cannot drift. */
class DocumentedExamplesTest {

    private static final Path PAGE = Path.of("..", "docs", "inventory-format.md");

    @TempDir
    Path dir;

    @Test
    void theJsonExampleIsReadAndValid() throws IOException {
        String example = block("json");
        Path file = Files.writeString(dir.resolve("example.json"), example);

        Inventory inventory = load(file);

        assertThat(inventory.servers()).hasSize(1);
        assertThat(inventory.scopes()).hasSize(1);
        assertThat(inventory.networks()).hasSize(1);
        assertThat(inventory.gaps()).hasSize(1);
        assertThat(JsonSchemas.problems(example, JsonSchemas.plugin(JsonSchemas.INVENTORY))).isEmpty();
    }

    @Test
    void theYamlExampleIsRead() throws IOException {
        Path file = Files.writeString(dir.resolve("example.yaml"), block("yaml"));

        Inventory inventory = load(file);

        assertThat(inventory.servers()).singleElement().satisfies(server -> {
            assertThat(server.account()).isEqualTo("123456789012");
            assertThat(server.os().version()).isEqualTo("14.04");
            assertThat(server.monitoring().cpuAlarm()).isFalse();
        });
    }

    private static Inventory load(Path file) throws IOException {
        return new InventoryLoader(List.of(new NormalizedInventoryReader()), message -> { }).load(List.of(file));
    }

    /** The single fenced code block of the given language on the page. */
    private static String block(String language) throws IOException {
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).as("%s blocks in %s", language, PAGE).hasSize(1);
        return blocks.get(0);
    }
}
