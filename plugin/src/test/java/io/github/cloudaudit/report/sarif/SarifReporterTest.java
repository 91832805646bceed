package io.github.cloudaudit.report.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.report.SampleAuditReport;
import io.github.cloudaudit.testing.JsonSchemas;
import io.github.cloudaudit.testing.SarifSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesSarifThatValidatesAgainstTheOfficialSchema() throws IOException {
        Path file = new SarifReporter().write(SampleAuditReport.sample(), dir);

        assertThat(file).isEqualTo(dir.resolve("findings.sarif"));
        SarifSchema.assertValid(file);
    }

    @Test
    void withABaselineEachResultSaysWhetherItIsNew() throws IOException {
        Path file = new SarifReporter().write(io.github.cloudaudit.report.ReportFixtures.baselined("en"), dir);

        SarifSchema.assertValid(file);
        JsonNode results = JSON.readTree(file.toFile()).at("/runs/0/results");
        assertThat(results.get(0).get("baselineState").asText()).isEqualTo("unchanged");
        assertThat(results.get(2).get("baselineState").asText()).isEqualTo("new");
        JsonNode without = JSON.readTree(new SarifReporter().write(SampleAuditReport.sample(), dir).toFile());
        assertThat(without.at("/runs/0/results/0").has("baselineState")).isFalse();
    }

    @Test
    void anAuditWithoutFindingsIsValidSarifToo() throws IOException {
        Path file = new SarifReporter().write(SampleAuditReport.empty(), dir);

        SarifSchema.assertValid(file);
        assertThat(JSON.readTree(file.toFile()).at("/runs/0/results")).isEmpty();
    }

    @Test
    void manyFindingsAreValidSarif() throws IOException {
        Path file = new SarifReporter().write(SampleAuditReport.withManyFindings(500), dir);

        SarifSchema.assertValid(file);
        assertThat(JSON.readTree(file.toFile()).at("/runs/0/results")).hasSize(500);
    }

    @Test
    void theSchemaCheckCatchesInvalidSarif() throws IOException {
        JsonNode root = JSON.readTree(new SarifReporter().write(SampleAuditReport.sample(), dir).toFile());
        ((ObjectNode) root.at("/runs/0/results/0")).put("level", "critical");

        assertThat(JsonSchemas.problems(root, SarifSchema.schema())).isNotEmpty();
    }

    @Test
    void theToolListsTheWholeCatalogue() throws IOException {
        JsonNode driver = run().at("/tool/driver");

        assertThat(driver.get("name").asText()).isEqualTo("cloud-audit");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://github.com/cloudaudit/cloud-audit-maven-plugin");
        assertThat(driver.get("semanticVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(driver.get("rules").findValuesAsText("id"))
                .containsExactlyElementsOf(SampleAuditReport.rules().stream().map(RuleMetadata::id).toList());

        JsonNode legacy = driver.get("rules").get(2);
        RuleMetadata rule = SampleAuditReport.LEGACY_OS;
        assertThat(legacy.get("name").asText()).isEqualTo("LegacyOs");
        assertThat(legacy.at("/shortDescription/text").asText()).isEqualTo(rule.title());
        assertThat(legacy.at("/fullDescription/text").asText()).isEqualTo(rule.rationale());
        assertThat(legacy.at("/help/text").asText())
                .contains(rule.rationale(), rule.remediation(), "AWS Config: ec2-managedinstance-platform-check");
        assertThat(legacy.at("/help/markdown").asText()).contains("**Remediation**", rule.remediation(), "- CIS 2.2");
        assertThat(legacy.at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(legacy.at("/properties/category").asText()).isEqualTo("legacy");
        assertThat(legacy.at("/properties/security-severity").asText()).isEqualTo("7.0");
        assertThat(JSON.convertValue(legacy.at("/properties/tags"), List.class)).containsExactly("security", "legacy");
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL, error, 9.0", "HIGH, error, 7.0", "MEDIUM, warning, 4.0", "LOW, note, 2.0", "INFO, note, 0.0"})
    void severitiesMapOntoLevelsAndSecurityScores(Severity severity, String level, String securitySeverity) {
        assertThat(SarifRules.level(severity)).isEqualTo(level);
        assertThat(SarifRules.securitySeverity(severity)).isEqualTo(securitySeverity);
    }

    @Test
    void eachResultPointsAtItsRuleAndCarriesItsFacts() throws IOException {
        AuditReport report = SampleAuditReport.sample();
        JsonNode run = run(report);
        JsonNode results = run.get("results");

        assertThat(results).hasSize(report.result().findings().size());
        for (JsonNode result : results) {
            String fingerprint = result.at("/partialFingerprints/cloudAuditFingerprint~1v1").asText();
            Finding finding = report.result().findings().stream().filter(f -> f.fingerprint().equals(fingerprint))
                    .findFirst().orElseThrow();
            assertThat(result.get("ruleId").asText()).isEqualTo(finding.ruleId());
            assertThat(result.get("level").asText()).isEqualTo(SarifRules.level(finding.severity()));
            assertThat(result.at("/properties/severity").asText()).isEqualTo(finding.severity().name());
            assertThat(result.at("/properties/verified").asBoolean()).isEqualTo(finding.verified());
            assertThat(result.at("/properties/evidence")).hasSize(finding.evidence().size());
            if (result.has("ruleIndex")) {
                assertThat(run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText())
                        .isEqualTo(finding.ruleId());
            } else {
                assertThat(finding.ruleId()).isEqualTo("retired-rule");
            }
        }
    }

    @Test
    void aRelativeInventoryPathStaysRelativeWithForwardSlashes() throws IOException {
        JsonNode location = resultOf(run(), "exposure-public-database-port").at("/locations/0");

        assertThat(location.at("/physicalLocation/artifactLocation/uri").asText()).isEqualTo("inventory/aws%20prod/servers.json");
        assertThat(location.at("/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("INVENTORY");
        assertThat(location.at("/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("i-0abc");
        assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo("legacy-db");
        assertThat(location.at("/logicalLocations/0/kind").asText()).isEqualTo("resource");
    }

    @Test
    void anAbsoluteInventoryPathBecomesAFileUri() throws IOException {
        JsonNode artifact = resultOf(run(), "orphan-no-owner").at("/locations/0/physicalLocation/artifactLocation");

        assertThat(artifact.get("uri").asText()).isEqualTo(Path.of(SampleAuditReport.ABSOLUTE_SOURCE).toUri().toString());
        assertThat(artifact.has("uriBaseId")).isFalse();
    }

    @Test
    void aFileOriginWithALinePointsAtThatLineAndColumn() throws IOException {
        JsonNode region = resultOf(run(), "retired-rule").at("/locations/0/physicalLocation/region");

        assertThat(region.get("startLine").asInt()).isEqualTo(12);
        assertThat(region.get("startColumn").asInt()).isEqualTo(5);
    }

    @Test
    void anApiOriginIsALogicalLocationNamingTheCallBesideTheResource() throws IOException {
        JsonNode location = resultOf(run(), "audit-incomplete").at("/locations/0");

        assertThat(location.has("physicalLocation")).isFalse();
        assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo(SampleAuditReport.ACCOUNT);
        assertThat(location.at("/logicalLocations/0/kind").asText()).isEqualTo("resource");
        assertThat(location.at("/logicalLocations/1/name").asText()).isEqualTo("ec2:DescribeInstances");
        assertThat(location.at("/logicalLocations/1/fullyQualifiedName").asText())
                .isEqualTo("aws/" + SampleAuditReport.ACCOUNT + "/us-east-1/ec2:DescribeInstances");
        assertThat(location.at("/logicalLocations/1/kind").asText()).isEqualTo("function");
    }

    @Test
    void aFindingWithoutOriginHasTheResourceAsItsOnlyLocation() throws IOException {
        AuditReport report = SampleAuditReport.sample();
        Finding incomplete = resultFinding(report, "audit-incomplete");
        Finding withoutOrigin = new Finding(incomplete.ruleId(), incomplete.severity(), incomplete.provider(),
                incomplete.account(), incomplete.region(), null, null, incomplete.message(), incomplete.evidence(),
                true, null, List.of(), null);
        JsonNode location = run(SampleAuditReport.report(report.inventory(), List.of(withoutOrigin), List.of(), null))
                .at("/results/0/locations/0");

        assertThat(location.has("physicalLocation")).isFalse();
        assertThat(location.get("logicalLocations")).hasSize(1);
        assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo(SampleAuditReport.ACCOUNT);
    }

    private static Finding resultFinding(AuditReport report, String ruleId) {
        return report.result().findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void suppressedFindingsCarryAnAcceptedExternalSuppression() throws IOException {
        JsonNode run = run();

        JsonNode suppression = resultOf(run, "orphan-no-owner").at("/suppressions/0");
        assertThat(suppression.get("kind").asText()).isEqualTo("external");
        assertThat(suppression.get("status").asText()).isEqualTo("accepted");
        assertThat(suppression.get("justification").asText()).isEqualTo("Owned by the CRM team; tagging in JIRA-123");
        assertThat(suppression.at("/properties/expires").asText()).isEqualTo("2027-01-31");
        assertThat(resultOf(run, "legacy-os").has("suppressions")).isFalse();
    }

    @Test
    void resultsAreOpenBeforeSuppressedAndWorstFirst() throws IOException {
        JsonNode results = run().get("results");

        assertThat(results).extracting(r -> r.at("/properties/severity").asText())
                .containsExactly("CRITICAL", "CRITICAL", "MEDIUM", "LOW", "INFO", "HIGH");
        assertThat(results.get(results.size() - 1).has("suppressions")).as("the suppressed HIGH one comes last").isTrue();
    }

    @Test
    void atTheCapTheMostSevereAreKeptAndTheRunSaysHowManyWereLeftOut() throws IOException {
        AuditReport report = SampleAuditReport.withManyFindings(500);
        ReportOptions options = new ReportOptions(null, 50, 10, ReportOptions.DEFAULT_MARKDOWN_MAX_BYTES, false);

        Path file = new SarifReporter().write(report, dir, options);

        SarifSchema.assertValid(file);
        JsonNode run = JSON.readTree(file.toFile()).at("/runs/0");
        assertThat(run.get("results")).hasSize(50)
                .allSatisfy(result -> assertThat(result.at("/properties/severity").asText()).isEqualTo("CRITICAL"));
        assertThat(run.at("/properties/findingsTotal").asInt()).isEqualTo(500);
        assertThat(run.at("/properties/resultsLeftOut").asInt()).isEqualTo(450);
        assertThat(run.at("/properties/resultsLeftOutNote").asText()).contains("50", "500", "findings.json");
        assertThat(run.at("/properties/verdict").asText()).as("the verdict counts every finding").isEqualTo("fail");
        assertThat(new SarifReporter().leftOut(report, options))
                .isEqualTo("findings.sarif holds the 50 most severe and most at risk of 500 findings "
                        + "(sarifMaxResults); 450 were left out.");
        assertThat(new SarifReporter().leftOut(report, ReportOptions.DEFAULTS)).isNull();
        assertThat(Files.readString(file)).as("no pretty-printing").doesNotContain("\n");
    }

    @Test
    void withinASeverityTheServersMostAtRiskComeFirst() throws IOException {
        Server legacy = SampleAuditReport.legacyDatabase();
        Server crm = SampleAuditReport.azureDatabase();
        // crm comes first in the report's order, but legacy-db is exposed as well as legacy: it is more at risk.
        Finding crmLegacy = findingOn(crm, SampleAuditReport.LEGACY_OS);
        Finding legacyOs = findingOn(legacy, SampleAuditReport.LEGACY_OS);
        Finding legacyExposed = findingOn(legacy, SampleAuditReport.PUBLIC_DATABASE);
        AuditReport report = SampleAuditReport.report(List.of(legacy, crm), List.of(crmLegacy, legacyOs, legacyExposed));
        ReportOptions two = new ReportOptions(null, 2, 10, ReportOptions.DEFAULT_MARKDOWN_MAX_BYTES, false);

        JsonNode results = JSON.readTree(new SarifReporter().write(report, dir, two).toFile()).at("/runs/0/results");

        assertThat(results).extracting(r -> r.at("/locations/0/logicalLocations/0/name").asText())
                .containsExactly("legacy-db", "legacy-db");
    }

    private static Finding findingOn(Server server, RuleMetadata rule) {
        return new Finding(rule.id(), Severity.CRITICAL, server.provider(), server.account(), server.region(),
                server.id(), server.name(), rule.title(), List.of(), true, server.origin(), List.of(), null);
    }

    @Test
    void theRunSaysItSucceededAndWhenItMeasured() throws IOException {
        JsonNode run = run();

        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/invocations/0/endTimeUtc").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(run.at("/invocations/0/startTimeUtc").asText()).isEqualTo("2026-11-23T10:15:28.766Z");
        assertThat(run.at("/properties/auditDate").asText()).isEqualTo("2026-11-23");
        assertThat(run.at("/properties/verdict").asText()).isEqualTo("fail");
    }

    @Test
    void hostileTextRoundTripsExactly() throws IOException {
        JsonNode result = resultOf(run(), "legacy-os");

        assertThat(result.at("/message/text").asText()).isEqualTo(SampleAuditReport.HOSTILE_MESSAGE);
        assertThat(result.at("/properties/evidence/1").asText()).isEqualTo("tag note=" + SampleAuditReport.HOSTILE_TAG);
    }

    @Test
    void theServiceLoaderFindsItAsSarif() {
        List<String> formats = ServiceLoader.load(Reporter.class).stream().map(p -> p.get().format()).toList();

        assertThat(formats).contains("sarif");
    }

    private JsonNode run() throws IOException {
        return run(SampleAuditReport.sample());
    }

    private JsonNode run(AuditReport report) throws IOException {
        Path file = new SarifReporter().write(report, dir);
        SarifSchema.assertValid(file);
        JsonNode root = JSON.readTree(file.toFile());
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("runs")).hasSize(1);
        return root.at("/runs/0");
    }

    private static JsonNode resultOf(JsonNode run, String ruleId) {
        for (JsonNode result : run.get("results")) {
            if (result.get("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no result of " + ruleId);
    }
}
