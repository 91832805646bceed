package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.source.aws.live.MotoEstate;
import io.github.cloudaudit.source.aws.live.MotoServer;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit goal with cloudaudit.aws.enabled and no inventory files, against moto. */
class AuditMojoLiveAwsTest {

    /** Recognizable fake secrets, given as the SDK's credentials chain reads them. */
    private static final Map<String, String> SECRETS = Map.of(
            "aws.accessKeyId", "AKIAFAKEDONOTLEAK1234",
            "aws.secretAccessKey", "fakeSecretDoNotLeak/abcdefghijklmnopqrstuvwxyz0123",
            "aws.sessionToken", "FakeSessionTokenDoNotLeak//////////wEaCXVzLWVhc3QtMSJHMEUCIQ");

    private static MotoServer moto;

    @TempDir
    Path work;

    @BeforeAll
    static void startMoto() throws IOException, InterruptedException {
        moto = MotoServer.start();
        new MotoEstate(moto.endpoint()).build();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void readsTheAccountLiveAndNoSecretReachesTheLogOrTheReports() throws Exception {
        List<String> log = new ArrayList<>();
        Path output = work.resolve("out");
        AuditMojo mojo = configured(output);
        mojo.setLog(new CapturingLog(log));
        SECRETS.forEach(System::setProperty);
        try {
            mojo.execute();
        } finally {
            SECRETS.keySet().forEach(System::clearProperty);
        }

        JsonNode findings = new ObjectMapper().readTree(output.resolve("findings.json").toFile());
        assertThat(findings.get("resources").findValuesAsText("name")).contains("legacy-db", "orders-db");
        assertThat(findings.get("findings")).anySatisfy(finding -> {
            assertThat(finding.get("ruleId").asText()).isEqualTo("audit-incomplete");
            assertThat(finding.toString()).contains("ssm:DescribeInstanceInformation");
        });
        assertThat(findings.at("/audit/apiCalls/ec2:DescribeInstances").asLong()).isEqualTo(1);
        assertThat(findings.at("/audit/apiCalls/ssm:DescribeInstanceInformation").asLong())
                .as("HTTP 500 retried up to the attempts allowed").isEqualTo(5);
        assertThat(log).anyMatch(line -> line.contains("Read ") && line.contains(" and aws: the credentials' account"));
        List<String> texts = new ArrayList<>(log);
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).hasSizeGreaterThan(log.size() + 3);
        for (String secret : SECRETS.values()) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }

    @Test
    void anAuditOfASnapshotFindsWhatTheLiveAuditFinds() throws Exception {
        Path live = work.resolve("live");
        AuditMojo liveAudit = configured(live);
        Path snapshot = work.resolve("snapshot.json");
        SnapshotMojo snapshotGoal = new SnapshotMojo();
        List<String> log = new ArrayList<>();
        snapshotGoal.setLog(new CapturingLog(log));
        MojoFields.set(snapshotGoal, "snapshotFile", snapshot.toFile());
        for (String parameter : List.of("awsEnabled", "awsRegions", "awsEndpoint", "awsMaxConcurrency", "awsMetricsDays")) {
            MojoFields.set(snapshotGoal, parameter, MojoFields.get(liveAudit, parameter));
        }
        Path offline = work.resolve("offline");
        AuditMojo offlineAudit = configured(offline);
        MojoFields.set(offlineAudit, "awsEnabled", false);
        MojoFields.set(offlineAudit, "inventory", List.of(snapshot.toFile()));
        SECRETS.forEach(System::setProperty);
        try {
            liveAudit.execute();
            snapshotGoal.execute();
        } finally {
            SECRETS.keySet().forEach(System::clearProperty);
        }
        offlineAudit.execute();

        assertThat(log).anyMatch(line -> line.startsWith("Wrote a snapshot of 3 servers and 3 coverage gap(s) to "));
        assertThat(findings(offline)).isNotEmpty().isEqualTo(findings(live));
    }

    /** Each finding's rule, resource, severity and verdict, in order. */
    private static List<String> findings(Path output) throws IOException {
        List<String> found = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(output.resolve("findings.json").toFile());
        Map<String, String> regions = new HashMap<>();
        root.get("resources").forEach(resource -> regions.put(resource.get("key").asText(), resource.get("region").asText()));
        for (JsonNode finding : root.get("findings")) {
            String resource = finding.get("resource").asText();
            found.add(String.join(" ", finding.get("ruleId").asText(), resource, regions.get(resource),
                    finding.get("severity").asText(), finding.get("verified").asText(), finding.get("message").asText()));
        }
        return found;
    }

    @Test
    void withoutInventoryOrLiveSourceTheGoalSaysWhatToGive() {
        AuditMojo mojo = configured(work.resolve("out"));
        MojoFields.set(mojo, "awsEnabled", false);

        org.assertj.core.api.Assertions.assertThatThrownBy(mojo::execute)
                .hasMessageContaining("give at least one inventory file or folder")
                .hasMessageContaining("or read clouds live (cloudaudit.aws.enabled=true, cloudaudit.azure.enabled=true)");
    }

    private static AuditMojo configured(Path output) {
        AuditMojo mojo = new AuditMojo();
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("0.1.0-TEST");
        MojoFields.set(mojo, "plugin", plugin);
        MojoFields.set(mojo, "auditDate", "2026-11-23");
        MojoFields.set(mojo, "failOnSeverity", "NONE");
        MojoFields.set(mojo, "outputDirectory", output.toFile());
        MojoFields.set(mojo, "formats", List.of("all"));
        MojoFields.set(mojo, "requiredTags", List.of("owner"));
        MojoFields.set(mojo, "maxServerAgeDays", 1095);
        MojoFields.set(mojo, "stoppedDaysThreshold", 30);
        MojoFields.set(mojo, "databaseTags", List.of("role=database"));
        MojoFields.set(mojo, "locale", "en");
        MojoFields.set(mojo, "awsEnabled", true);
        MojoFields.set(mojo, "awsRegions", List.of(MotoEstate.EU));
        MojoFields.set(mojo, "awsEndpoint", moto.endpoint().toString());
        MojoFields.set(mojo, "awsMaxConcurrency", 2);
        MojoFields.set(mojo, "awsMetricsDays", 14);
        return mojo;
    }
}
