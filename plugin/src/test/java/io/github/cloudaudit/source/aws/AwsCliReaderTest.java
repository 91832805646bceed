package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.first;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every AWS CLI reader shares: recognition by top-level key, streaming, and errors that say where and what. */
class AwsCliReaderTest {

    private static final Path INSTANCES = casesFile(EU, "ec2-describe-instances.json");

    @TempDir
    Path dir;

    @Test
    void truncatedOutputIsAnErrorWithFileAndLine() throws IOException {
        String content = Files.readString(INSTANCES);
        Path file = Files.createDirectories(dir.resolve(ACCOUNT).resolve(EU)).resolve("ec2-describe-instances.json");
        Files.writeString(file, content.substring(0, content.length() / 2));
        long lines = content.substring(0, content.length() / 2).lines().count();

        assertThatThrownBy(() -> load(dir))
                .isInstanceOfSatisfying(InventoryFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isBetween(lines - 1, lines + 1);
                    assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ":").contains("not valid JSON");
                });
    }

    @Test
    void aNestedListThatIsNoListIsAnErrorNamingItsPath() {
        Path file = variant(INSTANCES, dir, root -> first(root, "Reservations").put("Instances", "i-1"), ACCOUNT, EU);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("expected Reservations[0].Instances to be a list");
    }

    @Test
    void aListOfSomethingElseThanObjectsIsAnError() {
        Path file = variant(INSTANCES, dir, root -> root.putArray("Reservations").add("r-1"), ACCOUNT, EU);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("expected Reservations[0] to be an object");
    }

    @Test
    void aNullListIsAnEmptyOne() throws IOException {
        Path file = variant(INSTANCES, dir, root -> root.putNull("Reservations"), ACCOUNT, EU);

        assertThat(load(file).servers()).isEmpty();
    }

    @Test
    void otherFilesInAnInventoryFolderAreListedAsSkipped() throws IOException {
        Path folder = Files.createDirectories(dir.resolve(ACCOUNT).resolve(EU));
        copy(INSTANCES, dir, ACCOUNT, EU);
        Files.writeString(folder.resolve("README.txt"), "Exported with aws ec2 describe-instances on Monday.\n");
        Files.writeString(folder.resolve("export-settings.json"), "{\"exportedBy\": \"ops\", \"regions\": [\"eu-north-1\"]}\n");
        List<String> warnings = new ArrayList<>();

        Inventory inventory = load(warnings, dir);

        assertThat(inventory.servers()).hasSize(2);
        assertThat(inventory.sources()).filteredOn(source -> source.skipped() != null).extracting(SourceFile::path)
                .containsExactlyInAnyOrder(folder.resolve("README.txt").toString(),
                        folder.resolve("export-settings.json").toString());
        assertThat(inventory.sources()).filteredOn(source -> source.skipped() == null).extracting(SourceFile::format)
                .containsExactly("aws-cli: ec2 describe-instances");
        assertThat(warnings).hasSize(2).allSatisfy(warning -> assertThat(warning).startsWith("Skipped "));
    }
}
