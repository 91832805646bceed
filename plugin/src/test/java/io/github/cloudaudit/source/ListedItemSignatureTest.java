package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonParser;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader shows readers the first item of a list under a top-level key, so generic wrappers can be told apart. */
class ListedItemSignatureTest {

    @TempDir
    Path folder;

    private final List<Signature> offered = new ArrayList<>();

    @Test
    void firstItemUnderKeyIsOfferedWithTheKey() throws IOException {
        write("wrapped.json", "{\"nextLink\": null, \"value\": [{\"type\": \"Vendor/Things\", \"n\": [[1], {\"a\": [2]}]}, {\"type\": \"x\"}]}");

        Inventory inventory = load(s -> s.isObjectWithKey("value") && "vendor/things".equals(s.firstItemUnderKeyType()));

        assertThat(inventory.sources()).extracting(SourceFile::format).containsExactly("test");
        assertThat(offered.get(0).firstItemUnderKey()).isNull();
        assertThat(offered.get(1).firstItemUnderKey().get("n").size()).isEqualTo(2);
    }

    @Test
    void laterKeysAreStillOfferedAfterAListIsPeekedInto() throws IOException {
        write("later.json", "{\"value\": [{\"type\": \"a/b\"}, {\"deep\": [1, {\"x\": [2, [3]]}]}, 4], \"marker\": true}");

        Inventory inventory = load(s -> s.isObjectWithKey("marker"));

        assertThat(inventory.sources()).extracting(SourceFile::format).containsExactly("test");
        assertThat(offered).extracting(Signature::topLevelKey).containsExactly("value", "marker");
        assertThat(offered.get(1).firstItemUnderKey()).isNull();
    }

    @Test
    void aListOfScalarsOrAnEmptyListOffersNoItem() throws IOException {
        write("scalars.json", "{\"value\": [1, 2], \"empty\": []}");

        assertThatThrownBy(() -> load(s -> s.firstItemUnderKey() != null))
                .as("the only file is skipped, so nothing was audited")
                .isInstanceOf(InventoryFormatException.class).hasMessageContaining("scalars.json");
        assertThat(offered).extracting(Signature::firstItemUnderKey).containsOnlyNulls();
    }

    @Test
    void rootListsStillOfferTheirFirstItemOnly() throws IOException {
        write("root.json", "[{\"type\": \"Vendor/Things\"}]");

        Inventory inventory = load(s -> "vendor/things".equals(s.firstItemType()) && s.firstItemUnderKeyType() == null);

        assertThat(inventory.sources()).extracting(SourceFile::format).containsExactly("test");
    }

    private Inventory load(Predicate<Signature> accepts) throws IOException {
        InventoryReader reader = new InventoryReader() {
            @Override
            public String format() {
                return "test";
            }

            @Override
            public boolean accepts(Signature signature) {
                offered.add(signature);
                return accepts.test(signature);
            }

            @Override
            public void read(JsonParser parser, ReadContext context) throws IOException {
                parser.nextToken();
                parser.skipChildren();
            }
        };
        return new InventoryLoader(List.of(reader), message -> { }).load(List.of(folder));
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(folder.resolve(name), json);
    }
}
