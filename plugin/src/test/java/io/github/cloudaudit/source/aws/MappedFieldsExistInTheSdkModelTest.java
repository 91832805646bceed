package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.source.InventoryBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.guardduty.model.ListDetectorsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetInventoryResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers' mapping is the one place that knows what an AWS field means, for CLI files and SDK answers alike.
 * That holds only while every field path it reads is a member of the SDK's model: this test runs each reader over
 * every CLI fixture, records each field the mapping asks for, and looks each path up in the pinned SDK's members.
 */
class MappedFieldsExistInTheSdkModelTest {

    private record Mapping(AwsCliReader reader, SdkPojo response) {
    }

    private static final Map<String, Mapping> BY_FILE = Map.ofEntries(
            Map.entry("ec2-describe-instances.json", new Mapping(new Ec2InstancesReader(), DescribeInstancesResponse.builder().build())),
            Map.entry("ec2-describe-images.json", new Mapping(new Ec2ImagesReader(), DescribeImagesResponse.builder().build())),
            Map.entry("ec2-describe-security-groups.json", new Mapping(new Ec2SecurityGroupsReader(), DescribeSecurityGroupsResponse.builder().build())),
            Map.entry("ec2-describe-volumes.json", new Mapping(new Ec2VolumesReader(), DescribeVolumesResponse.builder().build())),
            Map.entry("ec2-describe-flow-logs.json", new Mapping(new Ec2FlowLogsReader(), DescribeFlowLogsResponse.builder().build())),
            Map.entry("rds-describe-db-clusters.json", new Mapping(new RdsDbClustersReader(), DescribeDbClustersResponse.builder().build())),
            Map.entry("rds-describe-db-instances.json", new Mapping(new RdsDbInstancesReader(), DescribeDbInstancesResponse.builder().build())),
            Map.entry("cloudwatch-describe-alarms.json", new Mapping(new CloudWatchAlarmsReader(), DescribeAlarmsResponse.builder().build())),
            Map.entry("guardduty-list-detectors.json", new Mapping(new GuardDutyDetectorsReader(), ListDetectorsResponse.builder().build())),
            Map.entry("cloudtrail-describe-trails.json", new Mapping(new CloudTrailTrailsReader(), DescribeTrailsResponse.builder().build())),
            Map.entry("ssm-describe-instance-information.json", new Mapping(new SsmInstanceInformationReader(), DescribeInstanceInformationResponse.builder().build())),
            Map.entry("ssm-get-inventory.json", new Mapping(new SsmInventoryReader(), GetInventoryResponse.builder().build())));

    /** Trees whose objects remember which fields were asked for, present or not. */
    private static final ObjectMapper RECORDING = new ObjectMapper().setNodeFactory(new JsonNodeFactory() {
        @Override
        public ObjectNode objectNode() {
            return new RecordingNode(this);
        }
    });

    @Test
    void everyFieldTheMappingsReadIsAMemberOfThePinnedSdkModel() throws IOException {
        Map<String, Set<String>> readByFile = new LinkedHashMap<>();
        for (Path fixture : fixtures()) {
            Mapping mapping = BY_FILE.get(fixture.getFileName().toString());
            JsonNode page = RECORDING.readTree(fixture.toFile());
            ResponsePages pages = mapping.reader().responsePages(new InventoryBuilder(), AwsCliTestSupport.ACCOUNT,
                    AwsCliTestSupport.EU, "test");
            pages.page(page);
            pages.end();
            readByFile.computeIfAbsent(fixture.getFileName().toString(), k -> new TreeSet<>()).addAll(asked(page, ""));
        }

        assertThat(readByFile.keySet()).as("every mapping was exercised").containsExactlyInAnyOrderElementsOf(BY_FILE.keySet());
        assertThat(readByFile.get("ec2-describe-instances.json")).as("the recording sees nested reads")
                .contains("Reservations[].Instances[].NetworkInterfaces[].Attachment.AttachTime",
                        "Reservations[].Instances[].Placement.AvailabilityZone");
        readByFile.forEach((file, paths) -> {
            Set<String> members = members(BY_FILE.get(file).response(), "", 0);
            assertThat(paths).as("SDK members of the answer that %s holds", file)
                    .allSatisfy(path -> assertThat(members).anySatisfy(member -> assertThat(path).matches(pattern(member))));
        });
    }

    @Test
    void aMisspeltFieldWouldBeCaught() {
        Set<String> members = members(DescribeInstancesResponse.builder().build(), "", 0);

        assertThat(members).contains("Reservations[].Instances[].LaunchTime", "Reservations[].OwnerId")
                .doesNotContain("Reservations[].Instances[].LaunchDate", "Reservations[].Instances[].launchTime");
    }

    /** A member path as a pattern: {@code .*} stands for any one key of a map, {@code []} for a list's elements. */
    private static String pattern(String member) {
        return java.util.regex.Pattern.quote(member).replace(".*", "\\E\\.[^.]+\\Q");
    }

    private static Iterable<Path> fixtures() throws IOException {
        Path root = AwsCliTestSupport.fixture("");
        try (Stream<Path> files = Files.walk(root)) {
            Set<Path> found = new TreeSet<>(files.filter(f -> BY_FILE.containsKey(f.getFileName().toString())).toList());
            found.add(written("ssm-describe-instance-information.json", """
                    {"InstanceInformationList": [{"InstanceId": "i-0123456789abcdef0", "PingStatus": "Online",
                      "LastPingDateTime": "2026-11-23T20:00:00.000Z", "AgentVersion": "3.3.40.0", "IsLatestVersion": false,
                      "PlatformType": "Linux", "ResourceType": "EC2Instance"}]}
                    """));
            found.add(written("ssm-get-inventory.json", SsmInventoryReaderTest.INVENTORY.formatted("i-0123456789abcdef0")));
            return found;
        }
    }

    /** No SSM listing is among the recorded fixtures, as moto cannot answer them: these have the fields the CLI prints. */
    private static Path written(String name, String content) throws IOException {
        Path file = Files.createTempDirectory("ssm").resolve(name);
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return file;
    }

    /** Every field path asked for below this node, list elements written as {@code []}. */
    private static Set<String> asked(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node instanceof RecordingNode recording) {
            recording.asked.forEach(field -> paths.add(path.isEmpty() ? field : path + "." + field));
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                paths.addAll(asked(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> paths.addAll(asked(element, path + "[]")));
        }
        return paths;
    }

    /** Every member path of an SDK shape, by member name, as the CLI prints them. */
    private static Set<String> members(SdkPojo shape, String path, int depth) {
        Set<String> paths = new TreeSet<>();
        if (depth > 8) {
            return paths; // recursive shapes
        }
        for (SdkField<?> field : shape.sdkFields()) {
            String memberPath = path.isEmpty() ? field.memberName() : path + "." + field.memberName();
            paths.add(memberPath);
            paths.addAll(nested(field, memberPath, depth));
        }
        return paths;
    }

    private static Set<String> nested(SdkField<?> field, String path, int depth) {
        ListTrait list = field.getTrait(ListTrait.class);
        MapTrait map = field.getTrait(MapTrait.class);
        if (list != null || map != null) {
            String elements = path + (list != null ? "[]" : ".*");
            Set<String> paths = new TreeSet<>(Set.of(elements));
            paths.addAll(nested(list != null ? list.memberFieldInfo() : map.valueFieldInfo(), elements, depth + 1));
            return paths;
        }
        if (field.constructor() != null) {
            return members((SdkPojo) field.constructor().get(), path, depth + 1);
        }
        return Set.of();
    }

    /** An object node that remembers every field name it was asked for. */
    private static final class RecordingNode extends ObjectNode {
        final Set<String> asked = new TreeSet<>();

        RecordingNode(JsonNodeFactory factory) {
            super(factory);
        }

        @Override
        public JsonNode get(String field) {
            asked.add(field);
            return super.get(field);
        }

        @Override
        public JsonNode path(String field) {
            asked.add(field);
            return super.path(field);
        }
    }
}
