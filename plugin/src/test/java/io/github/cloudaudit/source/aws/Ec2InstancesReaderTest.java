package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.cases;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.first;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2InstancesReaderTest {

    private static final Path INSTANCES = casesFile(EU, "ec2-describe-instances.json");
    private static final Path IMAGES = casesFile(EU, "ec2-describe-images.json");

    @TempDir
    Path dir;

    @Test
    void terminatedInstancesAreSkippedAndStoppedOnesKeepTheirStopDate() throws IOException {
        Inventory inventory = load(cases());

        assertThat(inventory.servers()).extracting(Server::name).doesNotContain("rhel-gone").contains("sql-web", "sles-batch");
        Server stopped = server(inventory, "sles-batch");
        assertThat(stopped.state()).isEqualTo(PowerState.STOPPED);
        assertThat(stopped.stateSince()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(stopped.os()).extracting(OperatingSystem::product, OperatingSystem::version).containsExactly("sles", "12 SP3");
    }

    @Test
    void windowsPlatformIsOnlyAHintUntilTheImageTellsTheRelease() throws IOException {
        Inventory withoutImages = load(copy(INSTANCES, dir, ACCOUNT, EU));
        Inventory withImages = load(copy(IMAGES, dir, ACCOUNT, EU).getParent());

        assertThat(server(withoutImages, "sql-web").os()).isEqualTo(new OperatingSystem("windows-server", null, "windows"));
        assertThat(server(withImages, "sql-web").os()).extracting(OperatingSystem::product, OperatingSystem::version)
                .containsExactly("windows-server", "2012 R2");
        assertThat(server(withImages, "sql-web").image()).contains("SQL_2014");
        assertThat(server(withImages, "sql-web").engine()).as("moto reports no PlatformDetails").isNull();
    }

    @Test
    void sqlServerPlatformDetailsAreDatabaseEvidence() throws IOException {
        Path file = variant(INSTANCES, dir, root -> first(root, "Reservations", "Instances")
                .put("PlatformDetails", "Windows with SQL Server Web"), ACCOUNT, EU);

        Server server = server(load(file), "sql-web");

        assertThat(server.engine()).isEqualTo(new DatabaseEngine("sqlserver", null));
        assertThat(server.os()).isEqualTo(new OperatingSystem("windows-server", null, "Windows with SQL Server Web"));
    }

    @Test
    void restartedInstanceIsAsOldAsItsPrimaryNetworkInterface() throws IOException {
        Path file = variant(INSTANCES, dir, root -> {
            ObjectNode instance = first(root, "Reservations", "Instances");
            instance.put("LaunchTime", "2026-11-20T08:00:00.000Z");
            ((ObjectNode) instance.get("NetworkInterfaces").get(0).get("Attachment"))
                    .put("AttachTime", "2019-03-05T08:00:00.000Z");
        }, ACCOUNT, EU);

        Server server = server(load(file), "sql-web");

        assertThat(server.launchedOn()).isEqualTo(LocalDate.of(2019, 3, 5));
        assertThat(server.stateSince()).as("running since its last start").isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void firstLaunchIsTheEarlierOfLaunchTimeAndThePrimaryInterfaceAttachTime() throws IOException {
        Path laterAttach = variant(INSTANCES, dir.resolve("later"), root -> {
            ObjectNode instance = first(root, "Reservations", "Instances");
            instance.put("LaunchTime", "2019-03-04T08:00:00.000Z");
            ((ObjectNode) instance.get("NetworkInterfaces").get(0).get("Attachment"))
                    .put("AttachTime", "2019-03-05T08:00:00.000Z");
        }, ACCOUNT, EU);
        Path noAttach = variant(INSTANCES, dir.resolve("none"), root -> {
            ObjectNode instance = first(root, "Reservations", "Instances");
            instance.put("LaunchTime", "2019-03-04T08:00:00.000Z");
            ((ObjectNode) instance.get("NetworkInterfaces").get(0).get("Attachment")).remove("AttachTime");
        }, ACCOUNT, EU);

        assertThat(server(load(laterAttach), "sql-web").launchedOn()).isEqualTo(LocalDate.of(2019, 3, 4));
        assertThat(server(load(noAttach), "sql-web").launchedOn()).isEqualTo(LocalDate.of(2019, 3, 4));
    }

    @Test
    void stoppingInstanceIsInAnotherStateAndAwsStopReasonsInGmtAreRead() throws IOException {
        Path file = variant(INSTANCES, dir, root -> {
            ArrayNode reservations = (ArrayNode) root.get("Reservations");
            for (int i = 0; i < reservations.size(); i++) {
                ObjectNode instance = (ObjectNode) reservations.get(i).get("Instances").get(0);
                if (instance.toString().contains("sql-web")) {
                    ((ObjectNode) instance.get("State")).put("Name", "stopping");
                } else {
                    instance.put("StateTransitionReason", "User initiated (2019-01-01 10:00:00 GMT)");
                }
            }
        }, ACCOUNT, EU);

        Inventory inventory = load(file);

        assertThat(server(inventory, "sql-web").state()).isEqualTo(PowerState.OTHER);
        assertThat(server(inventory, "sql-web").stateSince()).isNull();
        assertThat(server(inventory, "sles-batch").stateSince()).isEqualTo(LocalDate.of(2019, 1, 1));
    }

    @Test
    void accountAndRegionFallBackToTheFoldersWhenTheOutputLacksThem() throws IOException {
        variant(INSTANCES, dir, root -> {
            ObjectNode reservation = first(root, "Reservations");
            reservation.remove("OwnerId");
            ((ObjectNode) reservation.get("Instances").get(0)).remove("Placement");
        }, "999999999999", "ap-south-2");

        Server server = server(load(dir), "sql-web");

        assertThat(server.account()).isEqualTo("999999999999");
        assertThat(server.region()).isEqualTo("ap-south-2");
    }

    @Test
    void reservationsThatAreNotAListAreAClearError() {
        Path file = variant(INSTANCES, dir, root -> root.put("Reservations", "none"), ACCOUNT, EU);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected 'Reservations' to be a list");
    }

    @Test
    void aTimestampThatIsNoTimestampIsAnErrorNamingTheField() {
        Path file = variant(INSTANCES, dir, root -> first(root, "Reservations", "Instances")
                .put("LaunchTime", "yesterday"), ACCOUNT, EU);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("Reservations[0].Instances[0].LaunchTime")
                .hasMessageContaining("'yesterday'")
                // the line where the first reservation starts, as the variant is printed: "Reservations" : [ {
                .satisfies(e -> assertThat(((InventoryFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void errorsInFieldsTheAuditSkipsAreStillFoundAtTheirExactPlace() throws IOException {
        // CpuOptions is streamed past, not kept: a key given twice or broken JSON in it must still be reported there.
        String duplicate = "{\"Reservations\": [{\"OwnerId\": \"" + ACCOUNT + "\", \"Instances\": [{\n"
                + "  \"InstanceId\": \"i-1\",\n  \"CpuOptions\": {\"CoreCount\": 1,\n    \"CoreCount\": 2}}]}]}";
        Path twice = Files.createDirectories(dir.resolve(ACCOUNT).resolve(EU)).resolve("ec2-describe-instances.json");
        Files.writeString(twice, duplicate);

        assertThatThrownBy(() -> load(twice))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("CoreCount")
                .satisfies(e -> assertThat(((InventoryFormatException) e).line()).isEqualTo(4))
                // where the second key starts
                .satisfies(e -> assertThat(((InventoryFormatException) e).column()).isEqualTo(5));

        Files.writeString(twice, duplicate.replace("\"CoreCount\": 2}", "\"ThreadsPerCore\" 2}"));

        assertThatThrownBy(() -> load(twice))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("expecting a colon")
                .satisfies(e -> assertThat(((InventoryFormatException) e).line()).isEqualTo(4))
                // at the 2 where the colon belongs
                .satisfies(e -> assertThat(((InventoryFormatException) e).column()).isEqualTo(22));
    }

    @Test
    void manyThousandInstancesAreStreamedReservationByReservation() throws IOException {
        String reservation = AwsCliTestSupport.JSON.writeValueAsString(first(
                (ObjectNode) AwsCliTestSupport.read(INSTANCES), "Reservations"));
        Path file = Files.createDirectories(dir.resolve(ACCOUNT).resolve(EU)).resolve("ec2-describe-instances.json");
        int count = 5_000;
        try (var out = Files.newBufferedWriter(file)) {
            out.write("{\"Reservations\": [\n");
            for (int i = 0; i < count; i++) {
                out.write(reservation.replaceAll("\"i-[0-9a-f]+\"", "\"i-" + String.format("%017x", i) + "\""));
                out.write(i + 1 < count ? ",\n" : "\n");
            }
            out.write("]}\n");
        }

        Inventory inventory = load(file);

        assertThat(inventory.servers()).hasSize(count);
        assertThat(inventory.servers().get(count - 1).id()).isEqualTo("i-" + String.format("%017x", count - 1));
    }
}
