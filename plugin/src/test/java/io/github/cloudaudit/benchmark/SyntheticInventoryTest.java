package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticInventoryTest {

    private static final int SERVERS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NORMALIZED_KEYS = List.of("provider", "kind", "id", "name", "account", "region",
            "type", "state", "launchedOn", "stateSince", "os", "engine", "image", "tags", "networkIds", "ingress",
            "publiclyAccessible", "attachedDisks", "monitoring", "cpu");

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
        List<Path> files = new NormalizedInventoryWriter().write(fleet, folder.resolve("normalized"));
        new AwsCliInventoryWriter().write(fleet, folder.resolve("aws-cli"));

        assertThat(files).hasSize(4);
        Set<String> normalizedIds = new HashSet<>();
        for (Path file : files) {
            JsonNode root = read(file);
            assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
            String region = root.path("scopes").get(0).path("region").asText();
            assertThat(file.getFileName().toString()).isEqualTo("normalized-" + region + ".json");
            assertThat(root.path("networks")).hasSize(3);
            assertThat(root.path("gaps")).isEmpty();
            for (JsonNode server : root.path("servers")) {
                List<String> keys = new ArrayList<>();
                server.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).isEqualTo(NORMALIZED_KEYS);
                assertThat(server.path("region").asText()).isEqualTo(region);
                boolean stopped = server.path("state").asText().equals("stopped");
                assertThat(server.path("cpu").isNull()).isEqualTo(stopped);
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
    void sameSizeGivesTheSameFiles() throws IOException {
        List<Path> first = new AwsCliInventoryWriter().write(new SyntheticFleet(50), folder.resolve("first"));
        List<Path> second = new AwsCliInventoryWriter().write(new SyntheticFleet(50), folder.resolve("second"));

        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
