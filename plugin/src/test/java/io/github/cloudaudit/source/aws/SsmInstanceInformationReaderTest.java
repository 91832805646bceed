package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.JSON;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * moto does not implement DescribeInstanceInformation, so this output is built here from the API's documented
 * field names (InstanceInformationList, InstanceId, PingStatus Online / ConnectionLost / Inactive).
 */
class SsmInstanceInformationReaderTest {

    @TempDir
    Path dir;

    @Test
    void onlyOnlineAgentsReportAndListedRegionsShowTheMissingOnes() throws IOException {
        copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);
        Inventory withoutSsm = load(dir);
        writeSsm(dir.resolve(ACCOUNT).resolve(EU), server(withoutSsm, "sles-batch").id(), "Online",
                server(withoutSsm, "sql-web").id(), "ConnectionLost");

        Inventory inventory = load(dir);

        assertThat(server(withoutSsm, "sles-batch").monitoring().agent()).isNull();
        assertThat(server(inventory, "sles-batch").monitoring().agent()).isTrue();
        assertThat(server(inventory, "sql-web").monitoring().agent()).as("connection lost").isFalse();
    }

    @Test
    void outsideRegionFoldersTheOutputIsAClearError() throws IOException {
        writeSsm(dir, "i-0123456789abcdef0", "Online");

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("ssm describe-instance-information output carries no account or region: put it in a folder");
    }

    /** Writes a describe-instance-information output of instance id / ping status pairs. */
    private static void writeSsm(Path folder, String... idsAndStatuses) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("InstanceInformationList");
        for (int i = 0; i < idsAndStatuses.length; i += 2) {
            list.addObject().put("InstanceId", idsAndStatuses[i]).put("PingStatus", idsAndStatuses[i + 1])
                    .put("LastPingDateTime", "2026-11-23T20:00:00.000Z").put("AgentVersion", "3.3.40.0")
                    .put("IsLatestVersion", false).put("PlatformType", "Linux").put("ResourceType", "EC2Instance");
        }
        Files.createDirectories(folder);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("ssm-describe-instance-information.json").toFile(), root);
    }
}
