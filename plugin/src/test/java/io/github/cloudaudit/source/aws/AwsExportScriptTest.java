package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's AWS export script (docs/export/export-aws.sh), run with the real AWS CLI against moto on 127.0.0.1:
 * what it writes is read back by the plugin as the account's servers, in the account and region folders.
 */
class AwsExportScriptTest {

    private static final Path SCRIPT = Path.of("..", "docs", "export", "export-aws.sh").toAbsolutePath().normalize();
    private static Process moto;
    private static String endpoint;

    @TempDir
    Path work;

    @BeforeAll
    static void startMoto() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        moto = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        endpoint = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !moto.isAlive()) {
                    throw new IllegalStateException("moto did not start on " + endpoint, notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        moto.destroy();
        moto.waitFor(10, TimeUnit.SECONDS);
    }

    private String run(Path folder, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_DEFAULT_REGION", "eu-north-1"));
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output.trim();
    }

    @Test
    void exportsARegionAsFoldersThePluginReads() throws Exception {
        String instance = run(work, "aws", "ec2", "run-instances", "--image-id", "ami-12c6146b", "--instance-type",
                "t3.micro", "--count", "1", "--tag-specifications",
                "ResourceType=instance,Tags=[{Key=role,Value=database},{Key=Name,Value=crm-db}]",
                "--query", "Instances[0].InstanceId", "--output", "text");
        run(work, "aws", "rds", "create-db-instance", "--db-instance-identifier", "orders-pg", "--engine",
                "postgres", "--db-instance-class", "db.t3.micro", "--master-username", "admin",
                "--master-user-password", "not-a-secret-1", "--allocated-storage", "20");

        String log = run(work, "bash", SCRIPT.toString(), "-o", "dump", "-R", "eu-north-1", "-d", "1");

        Path region = work.resolve("dump/123456789012/eu-north-1");
        assertThat(log).contains("123456789012 eu-north-1", "Exported to dump");
        assertThat(region.resolve("ec2-instances.json")).isRegularFile();
        assertThat(region.resolve("rds-instances.json")).isRegularFile();
        assertThat(region.resolve("cpu-ec2-aa.json")).as("CPU of every instance").isRegularFile();
        assertThat(region.resolve("cpu-rds-aa.json")).as("CPU of every database").isRegularFile();
        try (var leftovers = Files.list(region)) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .as("no temporary or error files are left behind").noneMatch(n -> n.endsWith(".tmp")
                            || n.endsWith(".err") || n.startsWith("."));
        }

        List<String> warnings = new ArrayList<>();
        Inventory inventory = InventoryLoader.withBuiltInReaders(warnings::add).load(List.of(work.resolve("dump")));
        assertThat(inventory.servers()).extracting(Server::id).contains(instance, "orders-pg");
        Server server = inventory.servers().stream().filter(s -> s.id().equals(instance)).findFirst().orElseThrow();
        assertThat(server.account()).isEqualTo("123456789012");
        assertThat(server.region()).isEqualTo("eu-north-1");
        assertThat(server.tag("role")).contains("database");
    }
}
