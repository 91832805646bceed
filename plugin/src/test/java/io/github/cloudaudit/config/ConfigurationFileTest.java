package io.github.cloudaudit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A malformed cloud-audit.yml is an error naming the file, the line and what was expected. */
class ConfigurationFileTest {

    @TempDir
    Path work;

    private Path file(String yaml) throws IOException {
        return Files.writeString(work.resolve("cloud-audit.yml"), yaml);
    }

    @Test
    void readsTheIssuesMinimumShapeAndResolvesPathsAgainstTheFile() throws IOException {
        ObjectNode settings = ConfigurationFile.read(file("""
                inventory: [inventory/aws, /abs/azure]
                suppressions: suppressions.yml
                rules:
                  monitoring-no-flow-logs:
                    enabled: false
                  stale-server:
                    severity: LOW
                    maxServerAgeDays: 730
                """));

        assertThat(settings.get("inventory").get(0).asText()).isEqualTo(work.resolve("inventory/aws").toString());
        assertThat(settings.get("inventory").get(1).asText()).isEqualTo("/abs/azure");
        assertThat(settings.get("suppressions").asText()).isEqualTo(work.resolve("suppressions.yml").toString());
        assertThat(settings.at("/rules/stale-server/maxServerAgeDays").asInt()).isEqualTo(730);
    }

    @Test
    void aMisspelledKeyNamesItsLine() throws IOException {
        Path file = file("""
                failOnSeverity: HIGH
                rules:
                  stale-server:
                    maxServerAgeDay: 730
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ":4:")
                .hasMessageContaining("rules.stale-server")
                .hasMessageContaining("maxServerAgeDay");
    }

    @Test
    void aWrongTypeOrBoundNamesItsLine() throws IOException {
        Path text = file("""
                rules:
                  stale-server:
                    maxServerAgeDays: two years
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(text)).hasMessageStartingWith(text + ":3:")
                .hasMessageContaining("rules.stale-server.maxServerAgeDays").hasMessageContaining("integer");

        Path zero = file("""
                auditDate: 2026-11-23
                rules:
                  orphan-stopped: {stoppedDaysThreshold: -1}
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(zero)).hasMessageStartingWith(zero + ":3:")
                .hasMessageContaining("minimum");
    }

    @Test
    void anUnknownRuleOrSeverityIsAnError() throws IOException {
        Path rule = file("""
                rules:
                  stale-servers:
                    enabled: false
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(rule)).hasMessageStartingWith(rule + ":3:")
                .hasMessageContaining("stale-servers");

        Path severity = file("""
                rules:
                  stale-server:
                    severity: URGENT
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(severity)).hasMessageStartingWith(severity + ":3:")
                .hasMessageContaining("rules.stale-server.severity");
    }

    @Test
    void brokenYamlNamesItsLineToo() throws IOException {
        Path file = file("""
                failOnSeverity: HIGH
                rules:
                  stale-server: [unclosed
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(file)).hasMessageStartingWith(file + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void anEmptyFileSetsNothing() throws IOException {
        assertThat(ConfigurationFile.read(file("# nothing yet\n"))).isEmpty();
    }

    @Test
    void theFileSetsTheLiveAwsSectionThePomWinsKeyByKeyAndTheDefaultsFillTheRest() throws IOException {
        ObjectNode fromFile = ConfigurationFile.read(file("""
                aws:
                  enabled: true
                  regions: [eu-north-1, us-east-1]
                  externalId: audit-2026
                  maxConcurrency: 2
                """));
        ObjectNode pom = Configuration.layer();
        pom.putObject("aws").put("maxConcurrency", 8);

        JsonNode aws = Configuration.of(fromFile, pom).section("aws");

        assertThat(aws.get("enabled").asBoolean()).isTrue();
        assertThat(aws.get("regions")).extracting(JsonNode::asText).containsExactly("eu-north-1", "us-east-1");
        assertThat(aws.get("externalId").asText()).isEqualTo("audit-2026");
        assertThat(aws.get("maxConcurrency").asInt()).as("the pom wins").isEqualTo(8);
        assertThat(aws.get("metricsDays").asInt()).as("set nowhere: the default").isEqualTo(14);
        assertThat(aws.has("profile")).isFalse();
        assertThat(Configuration.of(fromFile, pom).yaml()).contains("aws:\n  enabled: true", "maxConcurrency: 8");
    }

    @Test
    void aMisspelledOrOutOfRangeAwsKeyNamesItsLine() throws IOException {
        Path misspelled = file("""
                failOnSeverity: HIGH
                aws:
                  enabled: true
                  region: eu-north-1
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(misspelled)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(misspelled + ":4:").hasMessageContaining("aws").hasMessageContaining("region");

        Path tooMany = file("""
                aws:
                  maxConcurrency: 65
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(tooMany)).hasMessageStartingWith(tooMany + ":2:")
                .hasMessageContaining("aws.maxConcurrency");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNotALastWins() throws IOException {
        Path file = file("""
                rules:
                  stale-server:
                    maxServerAgeDays: 730
                  stale-server:
                    enabled: false
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ":4:").hasMessageContaining("'stale-server' appears twice");
    }

    @Test
    void anAliasIsAnErrorNotItsAnchorsName() throws IOException {
        Path file = file("""
                severity: &high HIGH
                failOnSeverity: *high
                """);
        assertThatThrownBy(() -> ConfigurationFile.read(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ":2:").hasMessageContaining("aliases are not supported");
    }

    @Test
    void aSyntaxErrorStaysOnOneLine() throws IOException {
        Path file = file("failOnSeverity: [HIGH\n");
        assertThatThrownBy(() -> ConfigurationFile.read(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ":1:").hasMessageContaining("not valid YAML")
                .hasMessageNotContaining("\n");
    }
}
