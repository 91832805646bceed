package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.US;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.cases;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.network;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2FlowLogsReaderTest {

    private static final Path FLOW_LOGS = casesFile(EU, "ec2-describe-flow-logs.json");

    @TempDir
    Path dir;

    @Test
    void aVpcFlowLogWhoseDeliveryFailsRecordsNothingAndAnEmptyListingMeansNone() throws IOException {
        Inventory inventory = load(cases());

        assertThat(network(inventory, server(inventory, "sql-web")).flowLogs()).as("only a failed flow log").isFalse();
        assertThat(network(inventory, server(inventory, "tools-1")).flowLogs()).as("empty listing in us-east-1").isFalse();
    }

    @Test
    void anActiveDeliveringVpcFlowLogCoversTheServersVpc() throws IOException {
        copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);
        variant(FLOW_LOGS, dir, root -> root.get("FlowLogs").forEach(
                flowLog -> ((ObjectNode) flowLog).put("DeliverLogsStatus", "SUCCESS")), ACCOUNT, EU);

        Inventory inventory = load(dir);

        assertThat(network(inventory, server(inventory, "sql-web")).flowLogs()).isTrue();
    }

    @Test
    void outsideRegionFoldersTheLogDestinationArnGivesAccountAndRegion() throws IOException {
        copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);
        copy(FLOW_LOGS, dir);

        Inventory inventory = load(dir);

        assertThat(network(inventory, server(inventory, "sql-web")).flowLogs()).isFalse();
    }

    @Test
    void anEmptyListingOutsideRegionFoldersIsAClearError() {
        Path empty = copy(casesFile(US, "ec2-describe-flow-logs.json"), dir);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("ec2 describe-flow-logs output carries no account or region")
                .hasMessageContaining("put it in a folder named after its account and region, e.g. 123456789012/eu-north-1/");
    }
}
