package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryLoader;
import io.github.cloudaudit.source.normalized.NormalizedInventoryReader;
import io.github.cloudaudit.testing.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticInventoryTest {

    private static final int SERVERS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NORMALIZED_KEYS = List.of("provider", "kind", "id", "name", "account", "region",
            "type", "state", "launchedOn", "stateSince", "os", "engine", "image", "tags", "networkIds", "ingress",
            "publiclyAccessible", "attachedDisks", "monitoring", "cpu");
    private static final List<String> ALWAYS_KNOWN_KEYS = List.of("provider", "kind", "id", "name", "account",
            "region", "type", "state", "launchedOn", "stateSince", "tags", "networkIds", "ingress", "attachedDisks",
            "monitoring");
    private static final JsonSchema INVENTORY_SCHEMA = JsonSchemas.plugin(JsonSchemas.INVENTORY);

    @TempDir
    Path folder;

    @Test
    void awsCliFilesArePrintedAsTheCliPrintsThem() throws IOException {
        new AwsCliInventoryWriter().write(new SyntheticFleet(SERVERS), folder);

        Path region = folder.resolve(SyntheticFleet.ACCOUNT).resolve("eu-north-1");
        try (Stream<Path> files = Files.list(region)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    AwsCliInventoryWriter.INSTANCES, AwsCliInventoryWriter.ALARMS, AwsCliInventoryWriter.IMAGES,
                    AwsCliInventoryWriter.SECURITY_GROUPS, AwsCliInventoryWriter.FLOW_LOGS,
                    AwsCliInventoryWriter.DETECTORS, AwsCliInventoryWriter.TRAILS);
        }
        String instances = Files.readString(region.resolve(AwsCliInventoryWriter.INSTANCES));
        assertThat(instances).startsWith("{\n    \"Reservations\": [\n        {\n            \"Groups\": [],\n"
                + "            \"Instances\": [\n                {\n                    \"AmiLaunchIndex\": 0,\n");
        assertThat(instances).endsWith("\n    ]\n}\n").doesNotContain(" : ", "[ ]", "{ }", "\t", "\r");
        assertThat(instances.length() / (SERVERS / 4)).as("bytes per instance").isBetween(5_000, 8_500);
    }

    @Test
    void awsCliFilesReferToEachOther() throws IOException {
        new AwsCliInventoryWriter().write(new SyntheticFleet(SERVERS), folder);

        List<JsonNode> instances = new ArrayList<>();
        Set<String> images = new HashSet<>();
        Set<String> legacyImages = new HashSet<>();
        Set<String> groups = new HashSet<>();
        Set<String> alarmedInstances = new HashSet<>();
        boolean databaseOpenToInternet = false;
        for (String region : List.of("eu-north-1", "eu-west-1", "eu-central-1", "us-east-1")) {
            Path dir = folder.resolve(SyntheticFleet.ACCOUNT).resolve(region);
            for (JsonNode reservation : read(dir.resolve(AwsCliInventoryWriter.INSTANCES)).path("Reservations")) {
                assertThat(reservation.path("ReservationId").asText()).startsWith("r-0");
                reservation.path("Instances").forEach(instances::add);
            }
            for (JsonNode image : read(dir.resolve(AwsCliInventoryWriter.IMAGES)).path("Images")) {
                images.add(image.path("ImageId").asText());
                if (image.path("Name").asText().matches(".*(trusty-14\\.04|xenial-16\\.04|amzn-ami|2012-R2).*")) {
                    legacyImages.add(image.path("ImageId").asText());
                }
            }
            for (JsonNode group : read(dir.resolve(AwsCliInventoryWriter.SECURITY_GROUPS)).path("SecurityGroups")) {
                groups.add(group.path("GroupId").asText());
                for (JsonNode permission : group.path("IpPermissions")) {
                    boolean world = permission.path("IpRanges").findValuesAsText("CidrIp").contains("0.0.0.0/0");
                    databaseOpenToInternet |= world && permission.path("FromPort").asInt() == 3306;
                }
            }
            for (JsonNode alarm : read(dir.resolve(AwsCliInventoryWriter.ALARMS)).path("MetricAlarms")) {
                if (alarm.path("MetricName").asText().equals("CPUUtilization")) {
                    alarmedInstances.add(alarm.path("Dimensions").get(0).path("Value").asText());
                }
            }
            assertThat(read(dir.resolve(AwsCliInventoryWriter.FLOW_LOGS)).path("FlowLogs")).hasSize(2);
            assertThat(read(dir.resolve(AwsCliInventoryWriter.DETECTORS)).path("DetectorIds"))
                    .hasSize(region.equals("us-east-1") ? 0 : 1);
        }

        Set<String> ids = new HashSet<>();
        int unknownImages = 0;
        int legacy = 0;
        int withoutOwner = 0;
        for (JsonNode instance : instances) {
            ids.add(instance.path("InstanceId").asText());
            assertThat(groups).contains(instance.path("SecurityGroups").get(0).path("GroupId").asText());
            String image = instance.path("ImageId").asText();
            unknownImages += images.contains(image) ? 0 : 1;
            legacy += legacyImages.contains(image) ? 1 : 0;
            withoutOwner += instance.path("Tags").findValuesAsText("Key").contains("owner") ? 0 : 1;
        }
        assertThat(ids).hasSize(SERVERS);
        assertThat(ids).containsAll(alarmedInstances);
        assertThat(alarmedInstances.size()).as("instances with a CPU alarm").isBetween(SERVERS * 60 / 100, SERVERS * 80 / 100);
        assertThat(legacy).as("instances on legacy images").isBetween(SERVERS * 2 / 100, SERVERS * 9 / 100);
        assertThat(withoutOwner).as("instances without owner tag").isBetween(SERVERS * 5 / 100, SERVERS * 16 / 100);
        assertThat(unknownImages).as("instances on deregistered images").isLessThan(SERVERS * 4 / 100);
        assertThat(databaseOpenToInternet).isTrue();
    }

    @Test
    void normalizedFilesDescribeTheSameFleetAsTheAwsCliFiles() throws IOException {
        SyntheticFleet fleet = new SyntheticFleet(SERVERS);
        List<Path> files = new NormalizedFleetWriter().write(fleet, folder.resolve("normalized"));
        new AwsCliInventoryWriter().write(fleet, folder.resolve("aws-cli"));

        assertThat(files).hasSize(4);
        Set<String> normalizedIds = new HashSet<>();
        for (Path file : files) {
            JsonNode root = read(file);
            assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
            String region = root.path("scopes").get(0).path("region").asText();
            assertThat(file.getFileName().toString()).isEqualTo("normalized-" + region + ".json");
            assertThat(root.path("networks")).hasSize(3);
            assertThat(root.has("gaps")).isFalse();
            for (JsonNode server : root.path("servers")) {
                List<String> keys = new ArrayList<>();
                server.fieldNames().forEachRemaining(keys::add);
                // Unknown facts are left out, so a server has some of the keys, always in this order.
                assertThat(keys).containsAll(ALWAYS_KNOWN_KEYS);
                assertThat(NORMALIZED_KEYS).containsSubsequence(keys);
                assertThat(server.path("region").asText()).isEqualTo(region);
                boolean stopped = server.path("state").asText().equals("stopped");
                assertThat(server.has("cpu")).isNotEqualTo(stopped);
                normalizedIds.add(server.path("id").asText());
            }
        }
        Set<String> cliIds = new HashSet<>();
        try (Stream<Path> walk = Files.walk(folder.resolve("aws-cli"))) {
            for (Path file : walk.filter(f -> f.endsWith(AwsCliInventoryWriter.INSTANCES)).toList()) {
                cliIds.addAll(read(file).findValuesAsText("InstanceId"));
            }
        }
        assertThat(normalizedIds).hasSize(SERVERS).isEqualTo(cliIds);
    }

    @Test
    void normalizedFilesReadBackThroughThePluginAsTheFleet() throws IOException {
        SyntheticFleet fleet = new SyntheticFleet(SERVERS);
        List<Path> files = new NormalizedFleetWriter().write(fleet, folder);

        for (Path file : files) {
            JsonSchemas.assertValid(file, INVENTORY_SCHEMA);
        }
        Inventory inventory = new InventoryLoader(List.of(new NormalizedInventoryReader()), message -> { }).load(files);

        Map<String, Server> read = new HashMap<>();
        inventory.servers().forEach(server -> read.put(server.id(), server));
        assertThat(read).hasSize(SERVERS);
        for (SyntheticFleet.Region region : fleet.regions()) {
            for (int i = 0; i < region.serverCount(); i++) {
                SyntheticServer expected = fleet.server(region, i);
                Server server = read.get(expected.instanceId());
                assertThat(server).as(expected.instanceId()).isNotNull();
                assertThat(server.provider()).isEqualTo(Provider.AWS);
                assertThat(server.name()).isEqualTo(expected.name());
                assertThat(server.region()).isEqualTo(region.name());
                assertThat(server.origin().file()).endsWith("normalized-" + region.name() + ".json");
                assertThat(server.state()).isEqualTo(expected.running() ? PowerState.RUNNING : PowerState.STOPPED);
                assertThat(server.launchedOn()).isEqualTo(LocalDate.ofInstant(expected.launchTime(), ZoneOffset.UTC));
                assertThat(server.os() == null ? null : server.os().product())
                        .isEqualTo(expected.image() == null ? null : expected.image().osProduct());
                assertThat(server.engine() == null ? null : server.engine().product()).isEqualTo(expected.engineProduct());
                assertThat(server.tags()).containsAllEntriesOf(expected.tags()).hasSameSizeAs(expected.tags());
                assertThat(server.networkIds()).containsExactly(expected.securityGroup().vpc().id());
                assertThat(server.ingress()).hasSameSizeAs(expected.securityGroup().rules())
                        .allSatisfy(rule -> assertThat(rule.via()).startsWith(expected.securityGroup().id()));
                assertThat(server.attachedDisks()).isEqualTo(expected.volumeIds().size());
                assertThat(server.monitoring()).isEqualTo(new Monitoring(expected.cpuAlarm(),
                        expected.detailedMonitoring(), expected.agent()));
                assertThat(server.cpu()).isEqualTo(expected.cpuAverage() == null ? null
                        : new CpuStatistics(14, expected.cpuAverage(), expected.cpuMaximum()));
            }
        }
        assertThat(inventory.scopes()).hasSize(4)
                .allSatisfy(scope -> assertThat(scope.threatDetectionForServers())
                        .isEqualTo(!scope.region().equals("us-east-1")));
        assertThat(inventory.networks()).hasSize(12)
                .filteredOn(network -> !network.flowLogs()).hasSize(4);
        assertThat(inventory.gaps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-cli", "normalized"})
    void sameSizeGivesTheSameFiles(String format) throws IOException {
        InventoryWriter writer = SyntheticInventory.writer(format);
        List<Path> first = writer.write(new SyntheticFleet(50), folder.resolve("first"));
        List<Path> second = writer.write(new SyntheticFleet(50), folder.resolve("second"));

        assertThat(first).hasSameSizeAs(second).isNotEmpty();
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
