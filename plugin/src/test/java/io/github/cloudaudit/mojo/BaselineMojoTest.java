package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team accepts today's findings with the baseline goal; the audit then fails only on new ones, naming only them. */
class BaselineMojoTest {

    @TempDir
    Path work;

    private static String server(String id) {
        return """
                { "provider": "aws", "kind": "managed_database", "id": "%s", "name": "%s",
                  "account": "111122223333", "region": "eu-north-1", "type": "db.m7g.large", "state": "running",
                  "launchedOn": "2026-03-02", "engine": { "product": "postgresql", "version": "16.4" },
                  "tags": { "owner": "team-partners" }, "networkIds": ["vpc-0partners"],
                  "publiclyAccessible": true, "monitoring": { "cpuAlarm": true, "detailedMonitoring": true } }
                """.formatted(id, id);
    }

    private Path inventory(String... ids) throws IOException {
        String servers = String.join(",", java.util.Arrays.stream(ids).map(BaselineMojoTest::server).toList());
        return Files.writeString(work.resolve("inventory.json"), """
                { "schemaVersion": 1, "collectedAt": "2026-11-20T08:00:00Z", "servers": [ %s ],
                  "scopes": [ { "provider": "aws", "account": "111122223333", "region": "eu-north-1",
                    "threatDetectionForServers": true, "threatDetectionForDatabases": true, "auditTrail": true } ],
                  "networks": [ { "provider": "aws", "account": "111122223333", "region": "eu-north-1",
                    "id": "vpc-0partners", "flowLogs": true } ] }
                """.formatted(servers));
    }

    private <T extends AbstractAuditMojo> T configured(T mojo, Path inventory) {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("0.1.0-TEST");
        MojoFields.set(mojo, "plugin", plugin);
        MojoFields.set(mojo, "inventory", List.of(inventory.toFile()));
        MojoFields.set(mojo, "auditDate", "2026-11-23");
        MojoFields.set(mojo, "baseline", work.resolve("cloud-audit-baseline.yml").toFile());
        return mojo;
    }

    private AuditMojo audit(Path inventory) {
        AuditMojo mojo = configured(new AuditMojo(), inventory);
        MojoFields.set(mojo, "outputDirectory", work.resolve("out").toFile());
        MojoFields.set(mojo, "formats", List.of("json"));
        return mojo;
    }

    private JsonNode findingsJson() throws IOException {
        return new ObjectMapper().readTree(work.resolve("out/findings.json").toFile());
    }

    @Test
    void oldFindingsAreToleratedAndANewOneFailsNamingOnlyIt() throws Exception {
        Path inventory = inventory("partner-portal-pg");
        assertThatThrownBy(() -> {
            AuditMojo unbaselined = audit(inventory);
            MojoFields.set(unbaselined, "baseline", null);
            unbaselined.execute();
        }).as("the exposed database fails without a baseline").isInstanceOf(MojoFailureException.class);

        configured(new BaselineMojo(), inventory).execute();
        String written = Files.readString(work.resolve("cloud-audit-baseline.yml"));
        assertThat(written).contains("partner-portal-pg", "db-exposed").doesNotContain("audit-incomplete");

        audit(inventory).execute();

        Path grown = inventory("partner-portal-pg", "new-exposed-pg");
        assertThatThrownBy(() -> audit(grown).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("new unsuppressed finding(s)")
                .hasMessageContaining("new-exposed-pg")
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.startsWith("  ")))
                        .noneMatch(l -> l.contains("partner-portal-pg")));
        JsonNode findings = findingsJson().get("findings");
        assertThat(findings.findValuesAsText("baseline")).containsExactlyInAnyOrder("new", "existing");
    }

    @Test
    void aFindingThatWentAwayIsListedAsFixed() throws Exception {
        configured(new BaselineMojo(), inventory("partner-portal-pg", "old-pg")).execute();

        audit(inventory("partner-portal-pg")).execute();

        JsonNode fixed = findingsJson().at("/baseline/fixed");
        assertThat(fixed.findValuesAsText("resourceId")).containsExactly("old-pg");
        assertThat(findingsJson().at("/audit/verdict").asText()).isEqualTo("pass");
    }

    @Test
    void warnOnlyLogsTheVerdictButNeverFails() throws Exception {
        AuditMojo mojo = audit(inventory("partner-portal-pg"));
        MojoFields.set(mojo, "baseline", null);
        MojoFields.set(mojo, "warnOnly", true);

        mojo.execute();

        assertThat(findingsJson().at("/audit/verdict").asText()).isEqualTo("fail");
    }

    @Test
    void theBaselineGoalWritesBesideTheProjectByDefault() throws Exception {
        BaselineMojo mojo = configured(new BaselineMojo(), inventory("partner-portal-pg"));
        MojoFields.set(mojo, "baseline", null);
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
        project.setFile(new File(work.toFile(), "pom.xml"));
        MojoFields.set(mojo, "project", project);

        mojo.execute();

        assertThat(work.resolve(BaselineMojo.DEFAULT_FILE)).isRegularFile();
    }
}
