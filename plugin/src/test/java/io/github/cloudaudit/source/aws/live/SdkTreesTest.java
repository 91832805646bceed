package io.github.cloudaudit.source.aws.live;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.aws.Ec2InstancesReader;
import io.github.cloudaudit.source.aws.ResponsePages;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.MonitoringState;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SdkTreesTest {

    private static DescribeInstancesResponse answer() {
        Instance instance = Instance.builder()
                .instanceId("i-0abc").instanceType("m3.large").imageId("ami-1")
                .state(s -> s.name(InstanceStateName.RUNNING))
                .launchTime(Instant.parse("2026-11-20T08:00:00Z"))
                .placement(p -> p.availabilityZone("eu-north-1a"))
                .monitoring(m -> m.state(MonitoringState.DISABLED))
                .tags(Tag.builder().key("Name").value("legacy-db").build())
                .networkInterfaces(InstanceNetworkInterface.builder().attachment(InstanceNetworkInterfaceAttachment
                        .builder().deviceIndex(0).attachTime(Instant.parse("2018-03-01T10:00:00Z")).build()).build())
                .build();
        return DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().ownerId("123456789012").instances(instance).build()).build();
    }

    @Test
    void anAnswerBecomesTheTreeTheCliPrints() {
        String tree = SdkTrees.tree(answer()).toString();

        assertThat(tree).startsWith("{\"Reservations\":[{\"OwnerId\":\"123456789012\",\"Instances\":[{")
                .contains("\"InstanceId\":\"i-0abc\"", "\"State\":{\"Name\":\"running\"}",
                        "\"LaunchTime\":\"2026-11-20T08:00:00Z\"", "\"Placement\":{\"AvailabilityZone\":\"eu-north-1a\"}",
                        "\"Tags\":[{\"Key\":\"Name\",\"Value\":\"legacy-db\"}]",
                        "\"Attachment\":{\"AttachTime\":\"2018-03-01T10:00:00Z\",\"DeviceIndex\":0}")
                // Lists the service did not send stay absent (unknown), never empty (none).
                .doesNotContain("BlockDeviceMappings", "SecurityGroups", "Groups");
    }

    @Test
    void theFileReadersMappingReadsTheTreeAndNamesTheCallAsOrigin() throws IOException {
        InventoryBuilder builder = new InventoryBuilder();
        ResponsePages pages = new Ec2InstancesReader().responsePages(builder, "123456789012", "eu-north-1",
                "ec2:DescribeInstances");

        pages.page(SdkTrees.tree(answer()));
        pages.end();
        Inventory inventory = builder.build();

        Server server = inventory.servers().get(0);
        assertThat(server.id()).isEqualTo("i-0abc");
        assertThat(server.name()).isEqualTo("legacy-db");
        assertThat(server.account()).isEqualTo("123456789012");
        assertThat(server.region()).isEqualTo("eu-north-1");
        assertThat(server.state()).isEqualTo(PowerState.RUNNING);
        assertThat(server.launchedOn()).as("first attach of the primary interface").isEqualTo(LocalDate.of(2018, 3, 1));
        assertThat(server.monitoring().detailedMonitoring()).isFalse();
        assertThat(server.attachedDisks()).as("block devices not sent: unknown").isNull();
        assertThat(server.origin()).isEqualTo(Origin.apiCall("123456789012", "eu-north-1", "ec2:DescribeInstances"));
    }
}
