package io.github.cloudaudit.source.normalized;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.ThreatFinding;
import io.github.cloudaudit.source.InventoryLoader;
import io.github.cloudaudit.testing.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalizedInventoryWriterTest {

    private static final JsonSchema SCHEMA = JsonSchemas.plugin(JsonSchemas.INVENTORY);
    private static final Instant COLLECTED = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void whatItWritesReadsBackToTheSameFacts() throws IOException {
        Inventory original = sampleInventory();
        Path file = dir.resolve("inventory.json");

        NormalizedInventoryWriter.write(original, file, COLLECTED, "round-trip test");
        Inventory read = new InventoryLoader(List.of(new NormalizedInventoryReader()), message -> { })
                .load(List.of(file));

        assertThat(read.servers()).allSatisfy(server -> assertThat(server.origin().file()).isEqualTo(file.toString()));
        assertThat(read.servers().stream().map(server -> server.toBuilder().origin(null).build()))
                .containsExactlyElementsOf(original.servers().stream()
                        .map(server -> server.toBuilder().origin(null).build()).toList());
        assertThat(read.scopes()).containsExactlyElementsOf(original.scopes());
        assertThat(read.networks()).containsExactlyElementsOf(original.networks());
        assertThat(read.gaps()).containsExactlyElementsOf(original.gaps());
        assertThat(read.threats()).containsExactlyElementsOf(original.threats());
    }

    @Test
    void itsOutputValidatesAgainstTheShippedSchema() throws IOException {
        Path file = dir.resolve("inventory.json");

        NormalizedInventoryWriter.write(sampleInventory(), file, COLLECTED, "schema test");

        JsonSchemas.assertValid(file, SCHEMA);
    }

    @Test
    void itWritesEnumsInLowerCaseAndLeavesUnknownFactsOut() throws IOException {
        Path file = dir.resolve("inventory.json");

        NormalizedInventoryWriter.write(sampleInventory(), file, null, null);

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.fieldNames()).toIterable().containsExactly("schemaVersion", "servers", "scopes", "networks", "gaps",
                "threats");
        JsonNode managed = root.get("servers").get(1);
        assertThat(managed.get("provider").asText()).isEqualTo("azure");
        assertThat(managed.get("kind").asText()).isEqualTo("managed_database");
        assertThat(managed.get("state").asText()).isEqualTo("stopped");
        assertThat(managed.has("cpu")).isFalse();
        assertThat(managed.has("monitoring")).isFalse();
        assertThat(managed.has("origin")).isFalse();
    }

    @Test
    void theDocumentedExamplesValidateAgainstTheSchema() {
        assertThat(JsonSchemas.problems(NormalizedInventoryReaderTest.EXAMPLE, SCHEMA)).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() {
        String server = "{\"schemaVersion\": 1, \"servers\": [%s]}";
        assertThat(JsonSchemas.problems(server.formatted("{\"provider\": \"gcp\", \"id\": \"x\"}"), SCHEMA)).isNotEmpty();
        assertThat(JsonSchemas.problems(server.formatted("{\"provider\": \"aws\"}"), SCHEMA)).isNotEmpty();
        assertThat(JsonSchemas.problems(server.formatted("{\"provider\": \"aws\", \"id\": \"x\", \"nmae\": \"y\"}"), SCHEMA))
                .singleElement().asString().contains("nmae");
        assertThat(JsonSchemas.problems(server.formatted("{\"provider\": \"aws\", \"id\": \"x\", \"launchedOn\": \"01/03/2018\"}"), SCHEMA))
                .isNotEmpty();
        assertThat(JsonSchemas.problems(server.formatted("{\"provider\": \"aws\", \"id\": \"x\", \"cpu\": {\"periodDays\": 14}}"), SCHEMA))
                .isNotEmpty();
        assertThat(JsonSchemas.problems("{\"schemaVersion\": 2}", SCHEMA)).isNotEmpty();
        assertThat(JsonSchemas.problems("{\"schemaVersion\": 1, \"collectedAt\": \"yesterday\"}", SCHEMA)).isNotEmpty();
    }

    @Test
    void aListCannotBeReopenedOnceAnotherHasStarted() throws IOException {
        Server server = sampleInventory().servers().get(0);
        try (NormalizedInventoryWriter writer = new NormalizedInventoryWriter(new ByteArrayOutputStream(), null, null)) {
            writer.server(server);
            writer.scope(new Scope(Provider.AWS, "123456789012", null, null, null, true));

            assertThatThrownBy(() -> writer.server(server))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'servers' list is already finished");
        }
    }

    @Test
    void aServerThatCouldNotBeReadBackIsRefused() throws IOException {
        try (NormalizedInventoryWriter writer = new NormalizedInventoryWriter(new ByteArrayOutputStream(), null, null)) {
            assertThatThrownBy(() -> writer.server(Server.builder().id("i-1").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a provider and an id");
        }
    }

    @Test
    void anEmptyInventoryIsAValidDocument() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NormalizedInventoryWriter(out, COLLECTED, "nothing").close();

        assertThat(JsonSchemas.problems(out.toString(StandardCharsets.UTF_8), SCHEMA)).isEmpty();
    }

    @Test
    void writtenFilesAreUtf8() throws IOException {
        Path file = dir.resolve("unicode.json");
        Server server = Server.builder().provider(Provider.AWS).id("i-1").name("databas för kunder ✓").build();

        NormalizedInventoryWriter.write(new Inventory(List.of(server), List.of(), List.of(), List.of(), List.of()),
                file, null, null);

        assertThat(Files.readString(file)).contains("databas för kunder ✓");
    }

    /** Every field set on one server, as few as possible on another, and one of each other fact. */
    private static Inventory sampleInventory() {
        Server full = NormalizedInventoryReaderTest.exampleServer(Origin.file("ignored.json")).toBuilder()
                .publiclyAccessible(false)
                .tags(Map.of("Name", "legacy-db", "owner", "</script><img src=x onerror=alert(1)>", "empty", ""))
                .build();
        Server minimal = Server.builder().provider(Provider.AZURE).kind(ResourceKind.MANAGED_DATABASE)
                .id("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/legacy")
                .state(PowerState.STOPPED).monitoring(Monitoring.UNKNOWN).build();
        return new Inventory(List.of(full, minimal),
                List.of(new Scope(Provider.AWS, "123456789012", "eu-north-1", false, null, true),
                        new Scope(Provider.AZURE, "0000", null, true, true, null)),
                List.of(new Network(Provider.AWS, "123456789012", "eu-north-1", "vpc-1", false)),
                List.of(new CoverageGap(null, null, null, "cloudwatch:DescribeAlarms", "file not provided"),
                        new CoverageGap(Provider.AWS, "123456789012", "us-east-1", "ec2:DescribeInstances", "AccessDenied")),
                List.of(), Map.of(), List.of(new ThreatFinding(Provider.AWS, "123456789012", full.id(), "GuardDuty",
                        "CryptoCurrency:EC2/BitcoinTool.B", true, LocalDate.of(2025, 5, 2), LocalDate.of(2026, 11, 22),
                        212)));
    }
}
