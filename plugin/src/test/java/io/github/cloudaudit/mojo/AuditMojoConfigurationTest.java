package io.github.cloudaudit.mojo;

import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.source.InventorySource;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit goal reads cloud-audit.yml from the project's folder, lets the pom win and writes what it ran with. */
class AuditMojoConfigurationTest {

    @TempDir
    Path project;

    private AuditMojo mojo() throws IOException {
        Path inventory = Files.createDirectories(project.resolve("inventory"));
        Files.writeString(inventory.resolve("notes.txt"), "not an inventory\n");
        Files.writeString(inventory.resolve("servers.json"), "{\"schemaVersion\": 1, \"servers\": []}");
        MavenProject maven = new MavenProject();
        maven.setFile(project.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setDirectory(project.resolve("target").toString());
        maven.setBuild(build);
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("0.1.0-TEST");
        AuditMojo mojo = new AuditMojo();
        MojoFields.set(mojo, "project", maven);
        MojoFields.set(mojo, "plugin", plugin);
        return mojo;
    }

    @Test
    void theProjectsFileSetsTheAuditAndThePomWins() throws Exception {
        Files.writeString(project.resolve("cloud-audit.yml"), """
                inventory: inventory
                auditDate: 2026-11-23
                formats: [json, html]
                failOnSeverity: LOW
                rules:
                  stale-server:
                    maxServerAgeDays: 730
                """);
        AuditMojo mojo = mojo();
        MojoFields.set(mojo, "maxServerAgeDays", 400);

        mojo.execute();

        Path output = project.resolve("target/cloud-audit");
        assertThat(output.resolve("findings.json")).isRegularFile();
        assertThat(output.resolve("findings.sarif")).as("formats come from the file").doesNotExist();
        String effective = Files.readString(output.resolve(AuditMojo.EFFECTIVE_CONFIGURATION));
        assertThat(effective).contains("failOnSeverity: LOW", "maxServerAgeDays: 400", "auditDate: 2026-11-23")
                .doesNotContain("maxServerAgeDays: 730");
        assertThat(Files.readString(output.resolve("findings.json"))).contains("maxServerAgeDays: 400");
        assertThat(Files.readString(output.resolve("report.html"))).contains("Effective configuration",
                "maxServerAgeDays: 400");
    }

    @Test
    void listParametersMavenLeavesEmptyKeepTheRulesDefaults() throws Exception {
        Files.writeString(project.resolve("cloud-audit.yml"), """
                inventory: inventory
                auditDate: 2026-11-23
                formats: [json]
                """);
        AuditMojo mojo = mojo();
        MojoFields.set(mojo, "requiredTags", List.of());
        MojoFields.set(mojo, "databaseTags", List.of());

        mojo.execute();

        String effective = Files.readString(project.resolve("target/cloud-audit").resolve(AuditMojo.EFFECTIVE_CONFIGURATION));
        assertThat(effective).contains("role: database", "requiredTags:\n    - owner").doesNotContain("databaseTags: {}");
    }

    @Test
    void aMalformedFileFailsTheBuildNamingTheLine() throws Exception {
        Path file = Files.writeString(project.resolve("cloud-audit.yml"), """
                inventory: inventory
                rules:
                  stale-server:
                    enabled: nope
                """);
        AuditMojo mojo = mojo();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("Invalid configuration file " + file + ":4:")
                .hasMessageContaining("rules.stale-server.enabled");
    }

    @Test
    void aNamedFileMustExist() throws Exception {
        AuditMojo mojo = mojo();
        MojoFields.set(mojo, "config", new File("elsewhere.yml"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("config: file not found: " + project.resolve("elsewhere.yml"));
    }

    @Test
    void withoutAnInventoryAnywhereTheMessageSaysWhereToGiveOne() throws Exception {
        AuditMojo mojo = mojo();
        MojoFields.set(mojo, "formats", List.of("json"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("cloudaudit.inventory").hasMessageContaining("cloud-audit.yml");
    }

    @Test
    void theFileAloneSwitchesTheLiveAwsSourceOnWithItsSettingsAndThePomWins() throws Exception {
        Files.writeString(project.resolve("cloud-audit.yml"), """
                auditDate: 2026-11-23
                aws:
                  enabled: true
                  profile: audit
                  regions: [eu-north-1]
                  roleArns: arn:aws:iam::111111111111:role/cloud-audit
                  externalId: audit-2026
                  endpoint: http://127.0.0.1:4566
                  maxConcurrency: 2
                """);
        AuditMojo mojo = mojo();
        MojoFields.set(mojo, "awsMetricsDays", 30);
        MojoFields.set(mojo, "awsRegions", List.of());

        Configuration configuration = mojo.configuration();

        assertThat(AwsParameters.of(configuration.section("aws"))).isEqualTo(new AwsParameters(true, "audit",
                List.of("eu-north-1"), List.of("arn:aws:iam::111111111111:role/cloud-audit"), "audit-2026",
                "http://127.0.0.1:4566", 2, 30, null));
        assertThat(mojo.request(configuration, "en").sources()).singleElement()
                .extracting(InventorySource::describe).isEqualTo("aws: 1 role(s), eu-north-1");
        assertThat(configuration.yaml()).contains("aws:", "profile: audit", "maxConcurrency: 2", "metricsDays: 30");

        MojoFields.set(mojo, "awsEnabled", false);
        assertThatThrownBy(mojo::execute).as("the pom switches the file's live source off")
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("give at least one inventory");
    }

    @Test
    void theFileSwitchesTheLiveAzureSourceOnWithItsSettingsAndThePomWins() throws Exception {
        Files.writeString(project.resolve("cloud-audit.yml"), """
                auditDate: 2026-11-23
                azure:
                  enabled: true
                  tenantId: 7c4f2a10-3b8e-4d21-9f6a-0e5d4c3b2a19
                  subscriptions: [3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813]
                  cloud: AzureUSGovernment
                  endpoint: https://127.0.0.1:8443
                """);
        AuditMojo mojo = mojo();
        MojoFields.set(mojo, "azureMetricsDays", 30);
        MojoFields.set(mojo, "azureSubscriptions", List.of());

        Configuration configuration = mojo.configuration();

        assertThat(AzureParameters.of(configuration.section("azure"))).isEqualTo(new AzureParameters(true,
                "7c4f2a10-3b8e-4d21-9f6a-0e5d4c3b2a19", List.of("3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813"),
                "AzureUSGovernment", "https://127.0.0.1:8443", null, 30));
        assertThat(mojo.request(configuration, "en").sources()).singleElement().extracting(InventorySource::describe)
                .isEqualTo("azure: 1 subscription(s) of tenant 7c4f2a10-3b8e-4d21-9f6a-0e5d4c3b2a19");
        assertThat(configuration.yaml()).contains("azure:", "cloud: AzureUSGovernment", "metricsDays: 30");

        MojoFields.set(mojo, "azureEnabled", false);
        assertThatThrownBy(mojo::execute).as("the pom switches the file's live source off")
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("give at least one inventory");
    }

    @Test
    void anEndpointThatIsNoUrlIsNamedAsTheFileAndThePomSpellIt() throws Exception {
        Files.writeString(project.resolve("cloud-audit.yml"), """
                aws:
                  enabled: true
                  endpoint: "http://moto host:5000"
                """);
        AuditMojo mojo = mojo();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("cloudaudit.aws.endpoint (aws.endpoint in the configuration file) must be a URL, found "
                        + "'http://moto host:5000'");

        MojoFields.set(mojo, "awsEnabled", false);
        MojoFields.set(mojo, "azureEnabled", true);
        MojoFields.set(mojo, "azureEndpoint", "https://arm host");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("cloudaudit.azure.endpoint (azure.endpoint in the configuration file) must be a URL, "
                        + "found 'https://arm host'");
    }

    @Test
    void aWrongAzureSettingIsNamedWithItsProperty() throws Exception {
        Files.writeString(project.resolve("cloud-audit.yml"), """
                azure:
                  enabled: true
                  subscriptions: [production]
                """);
        AuditMojo mojo = mojo();

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("cloudaudit.azure.subscriptions (azure.subscriptions in the configuration file) has "
                        + "'production', which is not a subscription id such as "
                        + "3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813");

        MojoFields.set(mojo, "azureSubscriptions", List.of("3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813"));
        MojoFields.set(mojo, "azureCloud", "AzureGermanCloud");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("cloudaudit.azure.cloud");
    }
}
