package io.github.cloudaudit.source;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.PowerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inventories that are broken or made to fool the audit: each must end in an error or an incomplete audit. */
class HostileInputTest {

    static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 30);

    static final String INSTANCES = """
            {"Reservations": [{"OwnerId": "123456789012", "Instances": [
              {"InstanceId": "i-1", "State": {"Name": "running"}, "LaunchTime": "2019-01-01T00:00:00Z",
               "Placement": {"AvailabilityZone": "eu-north-1a"}}]}]}
            """;

    static final String NORMALIZED_YAML = """
            schemaVersion: 1
            servers:
              - provider: aws
                id: i-1
                account: "123456789012"
                region: eu-north-1
            """;

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Inventory load(Path... inputs) throws IOException {
        InventoryBuilder builder = new InventoryBuilder(AUDIT_DATE);
        InventoryLoader.withBuiltInReaders(warnings::add).load(List.of(inputs), builder);
        Inventory inventory = builder.build();
        InventoryLoader.requireSomethingRead(List.of(inputs), inventory);
        return inventory;
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    // --- wrong all-clear ---

    @Test
    void aSecondJsonDocumentAfterTheFirstIsAnErrorNotIgnored() throws IOException {
        Path file = write("ec2.json", INSTANCES + "{\"Reservations\": []}\n");

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":4:1: expected the end of the file after the first document");
    }

    @Test
    void aSecondYamlDocumentIsAnErrorToo() throws IOException {
        Path file = write("inventory.yaml", NORMALIZED_YAML + "---\nschemaVersion: 1\n");

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("expected the end of the file after the first document");
    }

    @Test
    void anEmptyFolderIsAnAuditOfNothingAndAnError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> load(empty)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("nothing was audited").hasMessageContaining("no files were found");
    }

    @Test
    void aFolderOfOnlyUnrecognizedFilesIsAnErrorNamingWhatWasSkipped() throws IOException {
        write("notes.json", "{\"hello\": 1}");
        write(".hidden.json", INSTANCES);

        assertThatThrownBy(() -> load(dir)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("nothing was audited")
                .hasMessageContaining("notes.json (not a recognized inventory format")
                .hasMessageContaining(".hidden.json (hidden file)");
    }

    @Test
    void aReadableInventoryWithNoServersIsAnAudit() throws IOException {
        Path file = write("none.json", "{\"Reservations\": []}");

        assertThat(load(file).servers()).isEmpty();
    }

    @Test
    void inventoryBehindALinkedFolderIsRead() throws IOException {
        Path elsewhere = write("elsewhere/123456789012/eu-north-1/ec2.json", INSTANCES).getParent().getParent().getParent();
        Path folder = Files.createDirectories(dir.resolve("inventory"));
        Files.createSymbolicLink(folder.resolve("linked"), elsewhere);

        Inventory inventory = load(folder);

        assertThat(inventory.servers()).extracting(s -> s.id()).containsExactly("i-1");
        assertThat(inventory.gaps()).isEmpty();
    }

    @Test
    void brokenLinksLinkLoopsAndFifosAreGapsNotDropped() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(dir.resolve("inventory"));
        write("inventory/ec2.json", INSTANCES);
        Files.createSymbolicLink(folder.resolve("broken.json"), dir.resolve("gone.json"));
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        Path fifo = folder.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        Inventory inventory = load(folder);

        assertThat(inventory.servers()).hasSize(1);
        assertThat(inventory.gaps()).extracting(CoverageGap::reason).containsExactlyInAnyOrder(
                "a link to nothing (a broken symbolic link)",
                "a link loop: it leads back to a folder above it",
                "not a regular file (a FIFO, socket or device), so it was not opened");
        assertThat(inventory.sources()).filteredOn(s -> s.format() == null).hasSize(3);
        assertThat(warnings).hasSize(3).allMatch(w -> w.contains("the audit is INCOMPLETE"));
    }

    @Test
    void aFileInAFolderThatIsNotValidYamlMakesTheAuditIncomplete() throws IOException {
        write("ec2.json", INSTANCES);
        Path broken = write("servers.yaml", "note: the servers of team b\n- schemaVersion: 1\n");

        Inventory inventory = load(dir);

        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.what()).isEqualTo("inventory file " + broken);
            assertThat(gap.reason()).startsWith("not valid JSON or YAML (" + broken + ":1:")
                    .contains("not valid YAML: while parsing a block mapping: expected <block end>, but found '-'");
        });
    }

    @Test
    void aNextTokenInOutputWithoutCompletenessFactsIsStillACoverageGap() throws IOException {
        write("123456789012/eu-north-1/ec2.json", INSTANCES.replaceFirst("\\{", "{\"NextToken\": \"eyJ2\", "));

        Inventory inventory = load(dir);

        assertThat(inventory.servers()).hasSize(1);
        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.what()).isEqualTo("aws ec2 describe-instances");
            assertThat(gap.account()).isEqualTo("123456789012");
            assertThat(gap.region()).isEqualTo("eu-north-1");
            assertThat(gap.reason()).contains("paging token");
        });
    }

    @Test
    void anRdsMarkerIsAPagingTokenToo() throws IOException {
        write("123456789012/eu-north-1/rds.json", "{\"DBInstances\": [], \"Marker\": \"page-2\"}");

        assertThat(load(dir).gaps()).singleElement()
                .satisfies(gap -> assertThat(gap.what()).isEqualTo("aws rds describe-db-instances"));
    }

    /** Found by fuzzing: a missing State.Name ended in a NullPointerException instead of an unknown state. */
    @Test
    void anInstanceWithoutAStateIsReadWithItsStateUnknown() throws IOException {
        Path file = write("ec2.json", INSTANCES.replace("\"State\": {\"Name\": \"running\"}, ", ""));

        assertThat(load(file).servers()).singleElement()
                .satisfies(server -> assertThat(server.state()).isEqualTo(PowerState.OTHER));
    }

    // --- duplicate keys ---

    @Test
    void aKeyGivenTwiceInCliOutputIsAnErrorWithFileLineAndKey() throws IOException {
        Path file = write("ec2.json", """
                {"Reservations": [{"OwnerId": "123456789012", "Instances": [
                  {"InstanceId": "i-1", "State": {"Name": "terminated"},
                   "State": {"Name": "running"}}]}]}
                """);

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":3:")
                .hasMessageContaining("the key 'State' appears twice");
    }

    @Test
    void aKeyGivenTwiceInYamlIsAnErrorToo() throws IOException {
        Path file = write("inventory.yaml", NORMALIZED_YAML + "    id: i-2\n");

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":7:").hasMessageContaining("the key 'id' appears twice");
    }

    // --- YAML that is not what it looks like ---

    @Test
    void anAliasIsAnErrorNotItsAnchorsName() throws IOException {
        Path file = write("inventory.yaml", """
                schemaVersion: 1
                servers:
                  - provider: aws
                    id: &first i-1
                    name: *first
                """);

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":5:")
                .hasMessageContaining("YAML aliases are not supported: found *first");
    }

    @Test
    void aGlobalTagInstantiatesNothing() throws IOException {
        Tripwire.instances = 0;
        Path file = write("inventory.yaml", """
                schemaVersion: 1
                servers:
                  - provider: aws
                    id: !!io.github.cloudaudit.source.Tripwire i-1
                    name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:9/"]]]]
                """);

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("servers[0].name: expected text, found a list");
        assertThat(Tripwire.instances).isZero();
    }

    @Test
    void aTaggedValueIsReadAsThePlainValueItHolds() throws IOException {
        Tripwire.instances = 0;
        Path file = write("inventory.yaml", NORMALIZED_YAML.replace("id: i-1", "id: !!io.github.cloudaudit.source.Tripwire i-1"));

        assertThat(load(file).servers()).extracting(s -> s.id()).containsExactly("i-1");
        assertThat(Tripwire.instances).isZero();
    }

    @Test
    void aBareYamlBooleanOrFractionWhereTextBelongsIsAnErrorNotItsRewrite() throws IOException {
        Path no = write("no.yaml", NORMALIZED_YAML + "    tags: {backup: no}\n");
        Path fraction = write("fraction.yaml", NORMALIZED_YAML + "    os: {product: ubuntu, version: 10.10}\n");

        assertThatThrownBy(() -> load(no)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("servers[0].tags.backup: expected text, found 'no'");
        assertThatThrownBy(() -> load(fraction)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("servers[0].os.version: expected text, found '10.10'");
    }

    // --- dates ---

    @Test
    void aLaunchTimeFarInTheFutureIsAnErrorNamingTheField() throws IOException {
        Path file = write("ec2.json", INSTANCES.replace("2019-01-01T00:00:00Z", "+99999-01-01T00:00:00Z"));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("Reservations[0].Instances[0].LaunchTime")
                .hasMessageContaining("between 1990-01-01 and 2027-11-30");
    }

    @Test
    void aLaunchTimeAsAHugeNumberIsAnErrorNotADateMillionsOfYearsAway() throws IOException {
        Path file = write("ec2.json", INSTANCES.replace("\"2019-01-01T00:00:00Z\"", "1e999999"));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("expected Reservations[0].Instances[0].LaunchTime to be an ISO-8601 timestamp")
                .hasMessageContaining("found the number");
    }

    @Test
    void aLaunchTimeBeforeTheCloudIsAnError() throws IOException {
        Path file = write("ec2.json", INSTANCES.replace("2019-01-01", "-2000-01-01"));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("LaunchTime to lie between 1990-01-01");
    }

    @Test
    void aNormalizedLaunchDateOutOfRangeIsAnErrorNamingTheField() throws IOException {
        Path file = write("inventory.yaml", NORMALIZED_YAML + "    launchedOn: 1970-01-01\n");

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("servers[0].launchedOn to lie between 1990-01-01");
    }

    // --- messages ---

    @Test
    void utf16InputSaysToSaveAsUtf8() throws IOException {
        Path file = dir.resolve("ec2.json");
        Files.write(file, ("\uFEFF" + INSTANCES).getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("UTF-16").hasMessageContaining("save it as UTF-8")
                .hasMessageNotContaining("Exception");
    }

    /** Found by fuzzing the suppression file: the message named a Java exception. */
    @Test
    void textThatIsNotUtf8SaysSoWithoutAJavaClassName() throws IOException {
        Path file = dir.resolve("inventory.yaml");
        byte[] yaml = NORMALIZED_YAML.getBytes(StandardCharsets.UTF_8);
        yaml[yaml.length - 3] = (byte) 0xC3;
        Files.write(file, yaml);

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining("UTF-8")
                .hasMessageNotContaining("java.").hasMessageNotContaining("Exception");
    }

    @Test
    void aTruncatedFileSaysWhereWithoutJacksonsSourceNote() throws IOException {
        Path file = write("ec2.json", INSTANCES.substring(0, INSTANCES.length() / 2));

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageNotContaining("Source:").hasMessageNotContaining("REDACTED");
    }

    /** Found by fuzzing: Jackson's note on where an unclosed object started (the seeds keep the form without a column). */
    @Test
    void aMismatchedCloseMarkerSaysWhereWithoutJacksonsSourceNote() throws IOException {
        Path file = write("ec2.json", "{\"Reservations\": []\n]\n");

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("starting at line 1")
                .hasMessageNotContaining("Source:").hasMessageNotContaining("REDACTED");
    }

    @Test
    void nestingBeyondTheLimitNamesLineAndColumn() throws IOException {
        Path file = write("ec2.json", "{\"Reservations\": [{\"x\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}]}");

        assertThatThrownBy(() -> load(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageMatching("\\Q" + file + "\\E:1:\\d+: .*nesting depth.*");
    }

    @Test
    void aLargeYamlInventoryIsRead() throws IOException {
        StringBuilder yaml = new StringBuilder("schemaVersion: 1\nservers:\n");
        for (int i = 0; i < 9_000; i++) {
            yaml.append("  - provider: aws\n    id: i-").append(String.format("%017d", i))
                    .append("\n    name: database-server-number-").append(i).append("-of-the-estate\n")
                    .append("    account: \"123456789012\"\n    region: eu-north-1\n    type: m5.large\n")
                    .append("    state: running\n    launchedOn: 2020-01-01\n")
                    .append("    tags: {owner: team-").append(i % 50).append(", role: database, env: production}\n")
                    .append("    os: {product: ubuntu, version: \"22.04\", description: ubuntu/images/jammy-22.04}\n")
                    .append("    engine: {product: postgresql, version: \"15.4\"}\n")
                    .append("    monitoring: {cpuAlarm: true, detailedMonitoring: true, agent: true}\n")
                    .append("    cpu: {periodDays: 14, averagePercent: 12.5, maximumPercent: 40}\n");
        }
        Path file = write("large.yaml", yaml.toString());
        assertThat(Files.size(file)).isGreaterThan(4_000_000);

        assertThat(load(file).servers()).hasSize(9_000);
    }
}
