package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryLoaderTest {

    /** Reads {"Things": [{"id": ...}]}, or a root list of {"type": "test/thing"} items, into servers. */
    private static final class ThingsReader implements InventoryReader {
        private final boolean rootList;

        ThingsReader(boolean rootList) {
            this.rootList = rootList;
        }

        @Override
        public String format() {
            return "test: things";
        }

        @Override
        public boolean accepts(Signature signature) {
            return rootList ? "test/thing".equals(signature.firstItemType()) : signature.isObjectWithKey("Things");
        }

        @Override
        public void read(JsonParser parser, ReadContext context) throws IOException {
            if (!rootList) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME && !parser.currentName().equals("Things")) {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                JsonNode item = new ObjectMapper().readTree(parser);
                if (!item.hasNonNull("id")) {
                    throw context.fail(at, "expected every thing to have an 'id'");
                }
                context.builder().server(Server.builder().provider(Provider.AWS).id(item.get("id").asText())
                        .account(context.folderAccount()).region(context.folderRegion()), InventoryBuilder.Links.NONE);
            }
            if (!rootList) {
                parser.nextToken();
            }
        }
    }

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final InventoryLoader loader = new InventoryLoader(
            List.of(new ThingsReader(false), new ThingsReader(true)), warnings::add);

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void recognizesFormatsByContentWhateverTheFileName() throws IOException {
        write("a.txt", "{\"Other\": 1, \"Things\": [{\"id\": \"i-1\"}]}");
        write("b", "[{\"type\": \"test/thing\", \"id\": \"i-2\"}]");
        write("c.yaml", "Things:\n  - id: i-3\n");
        Inventory inventory = loader.load(List.of(dir));
        assertThat(inventory.servers()).extracting(Server::id).containsExactly("i-1", "i-2", "i-3");
        assertThat(inventory.sources()).extracting(SourceFile::format).containsOnly("test: things");
    }

    @Test
    void accountAndRegionFoldersAreGivenToTheReader() throws IOException {
        write("dump/123456789012/eu-north-1/things.json", "{\"Things\": [{\"id\": \"i-1\"}]}");
        Server server = loader.load(List.of(dir.resolve("dump"))).servers().get(0);
        assertThat(server.account()).isEqualTo("123456789012");
        assertThat(server.region()).isEqualTo("eu-north-1");
    }

    @Test
    void unrecognizedFilesInAFolderAreListedAsSkippedNotIgnored() throws IOException {
        write("things.json", "{\"Things\": []}");
        write("notes.txt", "just some notes: nothing to audit");
        write("other.json", "{\"Unrelated\": true}");
        write(".hidden/x.json", "{\"Things\": [{\"id\": \"i-9\"}]}");
        Inventory inventory = loader.load(List.of(dir));
        assertThat(inventory.sources()).filteredOn(s -> s.skipped() != null).extracting(SourceFile::path)
                .containsExactlyInAnyOrder(dir.resolve("notes.txt").toString(), dir.resolve("other.json").toString(),
                        dir.resolve(".hidden/x.json").toString());
        assertThat(warnings).hasSize(3).allMatch(w -> w.startsWith("Skipped "));
        assertThat(inventory.servers()).isEmpty();
    }

    @Test
    void anUnrecognizedFileGivenByNameIsAnError() throws IOException {
        Path file = write("other.json", "{\"Unrelated\": true}");
        assertThatThrownBy(() -> loader.load(List.of(file)))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("other.json").hasMessageContaining("not a recognized inventory format");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        write("things.json", "{\"Things\": [\n  {\"id\": \"i-1\"},\n  {\"id\" \"i-2\"}\n]}");
        assertThatThrownBy(() -> loader.load(List.of(dir)))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("things.json:3:")
                .hasMessageContaining("not valid JSON or YAML");
    }

    @Test
    void aReaderErrorNamesTheElementsLine() throws IOException {
        write("things.json", "[\n{\"type\": \"test/thing\", \"id\": \"i-1\"},\n{\"type\": \"test/thing\"}\n]");
        assertThatThrownBy(() -> loader.load(List.of(dir)))
                .hasMessageContaining("things.json:3:1: expected every thing to have an 'id'");
    }

    @Test
    void aMissingInputSaysWhichParameterToCheck() {
        assertThatThrownBy(() -> loader.load(List.of(dir.resolve("nope"))))
                .hasMessageContaining("nope").hasMessageContaining("cloudaudit.inventory");
    }
}
