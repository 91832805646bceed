package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;

class Ec2VolumesReaderTest {

    @TempDir
    Path dir;

    @Test
    void attachedVolumesAreCountedPerInstanceAndUnattachedOnesAreNot() throws IOException {
        // Instances without block device mappings: the disk counts can only come from the volume listing.
        variant(casesFile(EU, "ec2-describe-instances.json"), dir, root -> root.get("Reservations").forEach(
                reservation -> reservation.get("Instances").forEach(
                        instance -> ((ObjectNode) instance).remove("BlockDeviceMappings"))),
                ACCOUNT, EU);
        copy(casesFile(EU, "ec2-describe-volumes.json"), dir, ACCOUNT, EU);

        Inventory inventory = load(dir);

        assertThat(server(inventory, "sql-web").attachedDisks()).isEqualTo(2);
        assertThat(server(inventory, "sles-batch").attachedDisks()).isEqualTo(1);
    }

    @Test
    void withoutVolumesTheBlockDeviceMappingsCount() throws IOException {
        Server sql = server(load(copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU)), "sql-web");

        assertThat(sql.attachedDisks()).isEqualTo(2);
    }

    @Test
    void withoutVolumesOrBlockDeviceMappingsTheCountIsUnknown() throws IOException {
        Path instances = variant(casesFile(EU, "ec2-describe-instances.json"), dir,
                root -> ((ObjectNode) root.get("Reservations").get(0).get("Instances").get(0)).remove("BlockDeviceMappings"),
                ACCOUNT, EU);

        assertThat(server(load(instances), "sql-web").attachedDisks()).isNull();
    }
}
