package io.github.cloudaudit.report.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.SampleAuditReport;
import io.github.cloudaudit.testing.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {

    private static final JsonSchema SCHEMA = JsonSchemas.plugin(JsonSchemas.FINDINGS);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesFindingsJsonThatValidatesAgainstTheShippedSchema() throws IOException {
        Path file = new JsonReporter().write(SampleAuditReport.sample(), dir);

        assertThat(file).isEqualTo(dir.resolve("findings.json"));
        JsonSchemas.assertValid(file, SCHEMA);
    }

    @Test
    void anAuditWithoutFindingsOrServersIsValidToo() throws IOException {
        JsonNode root = JSON.readTree(new JsonReporter().write(SampleAuditReport.empty(), dir).toFile());

        assertThat(JsonSchemas.problems(root, SCHEMA)).isEmpty();
        assertThat(root.at("/audit/verdict").asText()).isEqualTo("pass");
        assertThat(root.at("/audit/failOnSeverity").asText()).isEqualTo("NONE");
        assertThat(root.at("/audit/incomplete").asBoolean()).isFalse();
    }

    @Test
    void theSchemaIsNotVacuous() throws IOException {
        JsonNode root = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile());
        ((ObjectNode) root.at("/findings/0")).put("severity", "SEVERE");
        ((ObjectNode) root.at("/findings/1")).remove("fingerprint");
        ((ObjectNode) root.at("/findings/2")).putNull("resource");

        assertThat(JsonSchemas.problems(root, SCHEMA)).as("a finding with neither resource nor scope is invalid")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void countsMatchTheFindings() throws IOException {
        AuditReport report = SampleAuditReport.sample();

        JsonNode counts = JSON.readTree(new JsonReporter().write(report, dir).toFile()).at("/audit/counts");

        assertThat(counts.get("total").asLong()).isEqualTo(6);
        assertThat(counts.get("suppressed").asLong()).isEqualTo(1);
        assertThat(counts.at("/bySeverity/CRITICAL").asLong()).isEqualTo(2);
        assertThat(counts.at("/bySeverity/HIGH").asLong()).isZero();
        assertThat(counts.at("/bySeverity/MEDIUM").asLong()).isEqualTo(1);
        assertThat(counts.at("/bySeverity/LOW").asLong()).isEqualTo(1);
        assertThat(counts.at("/bySeverity/INFO").asLong()).isEqualTo(1);
        long unsuppressed = 0;
        for (Severity severity : Severity.values()) {
            unsuppressed += counts.get("bySeverity").get(severity.name()).asLong();
        }
        assertThat(unsuppressed + counts.get("suppressed").asLong()).isEqualTo(counts.get("total").asLong());
    }

    @Test
    void theAuditSectionSaysWhatWasReadSkippedAndMissing() throws IOException {
        JsonNode audit = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile()).get("audit");

        assertThat(audit.get("auditDate").asText()).isEqualTo("2026-11-23");
        assertThat(audit.get("pluginVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(audit.get("generatedAt").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(audit.get("durationMillis").asLong()).isEqualTo(1234);
        assertThat(audit.get("verdict").asText()).isEqualTo("fail");
        assertThat(audit.get("incomplete").asBoolean()).isTrue();
        assertThat(audit.at("/sources/read")).hasSize(2);
        assertThat(audit.at("/sources/skipped/0/path").asText()).isEqualTo("inventory/notes.txt");
        assertThat(audit.at("/sources/skipped/0/reason").asText()).isEqualTo("neither JSON nor YAML");
        assertThat(audit.at("/coverage/gaps/0/what").asText()).isEqualTo("ec2:DescribeInstances");
        assertThat(audit.at("/coverage/gaps/0/provider").asText()).isEqualTo("aws");
        assertThat(audit.get("apiCalls").toString()).isEqualTo("{\"ec2:DescribeInstances\":3,\"sts:GetCallerIdentity\":1}");
    }

    @Test
    void findingsNameTheirResourceByKeyAndCarryOnlyWhatIsTheirOwn() throws IOException {
        AuditReport report = SampleAuditReport.sample();

        JsonNode root = JSON.readTree(new JsonReporter().write(report, dir).toFile());
        JsonNode findings = root.get("findings");

        assertThat(findings).hasSize(report.result().findings().size());
        JsonNode exposed = findings.get(0);
        Finding expected = report.result().findings().get(0);
        assertThat(exposed.get("fingerprint").asText()).isEqualTo(expected.fingerprint());
        assertThat(exposed.get("resource").asText()).isEqualTo("aws/" + SampleAuditReport.ACCOUNT + "/i-0abc");
        assertThat(resourceOf(root, exposed).get("name").asText()).isEqualTo("legacy-db");
        assertThat(exposed.get("scope").isNull()).isTrue();
        assertThat(exposed.get("message").asText()).isEqualTo(expected.message());
        assertThat(exposed.get("evidence")).hasSize(expected.evidence().size());
        assertThat(exposed.has("remediation")).as("rule texts live in the catalogue").isFalse();
        assertThat(exposed.has("origin")).as("the resource says where it was read").isFalse();
        assertThat(exposed.get("suppressed").asBoolean()).isFalse();
        assertThat(exposed.get("suppression").isNull()).isTrue();

        JsonNode suppressed = findingOf(findings, "orphan-no-owner");
        assertThat(resourceOf(root, suppressed).get("name").asText()).isEqualTo("crm");
        assertThat(suppressed.get("suppressed").asBoolean()).isTrue();
        assertThat(suppressed.at("/suppression/justification").asText()).isEqualTo("Owned by the CRM team; tagging in JIRA-123");
        assertThat(suppressed.at("/suppression/expires").asText()).isEqualTo("2027-01-31");
        assertThat(suppressed.at("/suppression/origin").asText()).isEqualTo("suppressions.yaml suppression #1");

        assertThat(findingOf(findings, "retired-rule").get("related")).hasSize(2);

        JsonNode unverified = findingOf(findings, "monitoring-no-cpu-alarm");
        assertThat(unverified.get("verified").asBoolean()).isFalse();
    }

    @Test
    void aFindingAboutNoListedResourceNamesItsScope() throws IOException {
        JsonNode findings = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile())
                .get("findings");

        JsonNode incomplete = findingOf(findings, "audit-incomplete");
        assertThat(incomplete.get("resource").isNull()).isTrue();
        assertThat(incomplete.at("/scope/provider").asText()).isEqualTo("aws");
        assertThat(incomplete.at("/scope/account").asText()).isEqualTo(SampleAuditReport.ACCOUNT);
        assertThat(incomplete.at("/scope/region").asText()).isEqualTo("us-east-1");
        assertThat(incomplete.at("/scope/origin").toString())
                .isEqualTo("{\"operation\":\"ec2:DescribeInstances\",\"account\":\"" + SampleAuditReport.ACCOUNT
                        + "\",\"region\":\"us-east-1\"}");
    }

    @Test
    void ruleTextsAndServerFactsAreWrittenOnceHoweverManyFindingsRepeatThem() throws IOException {
        AuditReport report = SampleAuditReport.sample();

        String text = Files.readString(new JsonReporter().write(report, dir));

        assertThat(occurrences(text, SampleAuditReport.PUBLIC_DATABASE.remediation())).isEqualTo(1);
        assertThat(occurrences(text, SampleAuditReport.PUBLIC_DATABASE.rationale())).isEqualTo(1);
        // legacy-db has three findings; its origin file and its tags are told once, with the resource.
        assertThat(occurrences(text, "\"file\":\"" + SampleAuditReport.RELATIVE_SOURCE + "\"")).isEqualTo(1);
        assertThat(occurrences(text, "\"Name\":\"legacy-db\"")).as("a tag").isEqualTo(1);
        assertThat(text).as("no pretty-printing").doesNotContain("\n");
    }

    @Test
    void compressJsonWritesTheSameDocumentGzipped() throws IOException {
        AuditReport report = SampleAuditReport.sample();
        Path plain = new JsonReporter().write(report, dir);
        ReportOptions gzip = new ReportOptions(null, 10, 10, ReportOptions.DEFAULT_MARKDOWN_MAX_BYTES, true);

        Path compressed = new JsonReporter().write(report, dir, gzip);

        assertThat(compressed).isEqualTo(dir.resolve("findings.json.gz"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(compressed))) {
            assertThat(JSON.readTree(in)).isEqualTo(JSON.readTree(plain.toFile()));
        }
        assertThat(Files.size(compressed)).isLessThan(Files.size(plain));
    }

    @Test
    void resourcesListEveryServerWithWhatTheAuditDerived() throws IOException {
        JsonNode resources = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile())
                .get("resources");

        assertThat(resources).hasSize(2);
        JsonNode legacy = resources.get(0);
        assertThat(legacy.get("provider").asText()).isEqualTo("aws");
        assertThat(legacy.get("kind").asText()).isEqualTo("virtual_machine");
        assertThat(legacy.get("state").asText()).isEqualTo("running");
        assertThat(legacy.get("launchedOn").asText()).isEqualTo("2018-03-01");
        assertThat(legacy.get("owner").asText()).isEqualTo("team-db");
        assertThat(legacy.get("hostsDatabase").asBoolean()).isTrue();
        assertThat(legacy.get("databaseEvidence")).isNotEmpty();
        assertThat(legacy.at("/os/label").asText()).contains("14.04");
        assertThat(legacy.at("/os/endOfSupport").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(legacy.get("classification").asText()).isEqualTo("personal");
        assertThat(legacy.at("/monitoring/cpuAlarm").asBoolean()).isFalse();
        assertThat(legacy.at("/monitoring/detailedMonitoring").isNull()).isTrue();
        JsonNode azure = resources.get(1);
        assertThat(azure.get("kind").asText()).isEqualTo("managed_database");
        assertThat(azure.get("owner").isNull()).isTrue();
        assertThat(azure.at("/os/label").isNull()).isTrue();
        assertThat(azure.at("/origin/file").asText()).isEqualTo(SampleAuditReport.ABSOLUTE_SOURCE);
    }

    @Test
    void resourcesAreListedMostAtRiskFirstWithTheirScoreAndReasons() throws IOException {
        AuditReport report = SampleAuditReport.report(List.of(SampleAuditReport.azureDatabase(), SampleAuditReport.legacyDatabase()),
                SampleAuditReport.findings());
        JsonNode resources = JSON.readTree(new JsonReporter().write(report, dir).toFile()).get("resources");

        assertThat(resources).extracting(r -> r.get("name").asText()).containsExactly("legacy-db", "crm");
        JsonNode legacy = resources.get(0);
        assertThat(legacy.at("/risk/score").asInt()).isEqualTo(18);
        assertThat(legacy.at("/risk/reasons/0/category").asText()).isEqualTo("exposure");
        assertThat(legacy.at("/risk/reasons/0/points").asInt()).isEqualTo(12);
        assertThat(legacy.at("/risk/reasons/0/rules/0").asText()).isEqualTo("exposure-public-database-port");
        assertThat(legacy.at("/risk/reasons/1/category").asText()).isEqualTo("legacy");
        assertThat(resources.get(1).at("/risk/score").asInt()).as("suppressed and unverified findings only").isZero();
        assertThat(resources.get(1).at("/risk/reasons")).isEmpty();
    }

    @Test
    void expiredSuppressionsAreListed() throws IOException {
        JsonNode expired = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile())
                .get("expiredSuppressions");

        assertThat(expired).hasSize(1);
        assertThat(expired.at("/0/rule").asText()).isEqualTo("legacy-os");
        assertThat(expired.at("/0/resource").asText()).isEqualTo("i-0abc");
        assertThat(expired.at("/0/expires").asText()).isEqualTo("2026-06-30");
    }

    @Test
    void withABaselineFindingsAreNewOrExistingAndFixedOnesAreListed() throws IOException {
        Path file = new JsonReporter().write(ReportFixtures.baselined("en"), dir);
        JsonSchemas.assertValid(file, SCHEMA);
        JsonNode root = JSON.readTree(file.toFile());

        JsonNode findings = root.get("findings");
        assertThat(findings.get(0).get("baseline").asText()).isEqualTo("existing");
        assertThat(findings.get(1).get("baseline").asText()).isEqualTo("existing");
        assertThat(findings.get(2).get("baseline").asText()).isEqualTo("new");
        assertThat(root.at("/baseline/existing").asInt()).isEqualTo(2);
        assertThat(root.at("/baseline/new").asInt()).isEqualTo(findings.size() - 2);
        assertThat(root.at("/baseline/fixed/0/resourceId").asText()).isEqualTo("i-0gone");
        assertThat(root.at("/unusedSuppressions/0/ticket").asText()).isEqualTo("OPS-9");

        JsonNode without = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile());
        assertThat(without.get("baseline").isNull()).isTrue();
        assertThat(without.at("/findings/0/baseline").isNull()).isTrue();
    }

    @Test
    void hostileTextRoundTripsExactly() throws IOException {
        JsonNode root = JSON.readTree(new JsonReporter().write(SampleAuditReport.sample(), dir).toFile());

        assertThat(root.at("/resources/0/tags/note").asText()).isEqualTo(SampleAuditReport.HOSTILE_TAG);
        JsonNode legacyOs = findingOf(root.get("findings"), "legacy-os");
        assertThat(legacyOs.get("message").asText()).isEqualTo(SampleAuditReport.HOSTILE_MESSAGE);
        assertThat(legacyOs.at("/evidence/1").asText()).isEqualTo("tag note=" + SampleAuditReport.HOSTILE_TAG);
    }

    @Test
    void aHundredThousandFindingsAreStreamedAndCounted() throws IOException {
        int count = 100_000;
        AuditReport report = SampleAuditReport.withManyFindings(count);

        Path file = new JsonReporter().write(report, dir);

        List<String> fingerprints = new ArrayList<>();
        long total;
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonNode counts = null;
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("counts")) {
                    parser.nextToken();
                    counts = JSON.readTree(parser);
                } else if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("fingerprint")) {
                    fingerprints.add(parser.nextTextValue());
                }
            }
            total = counts.get("total").asLong();
        }
        assertThat(total).isEqualTo(count);
        assertThat(fingerprints).hasSize(count)
                .first().isEqualTo(report.result().findings().get(0).fingerprint());
    }

    @Test
    void theServiceLoaderFindsItAsJson() {
        List<String> formats = ServiceLoader.load(Reporter.class).stream().map(p -> p.get().format()).toList();

        assertThat(formats).contains("json");
    }

    private static JsonNode resourceOf(JsonNode root, JsonNode finding) {
        for (JsonNode resource : root.get("resources")) {
            if (resource.get("key").asText().equals(finding.get("resource").asText())) {
                return resource;
            }
        }
        throw new AssertionError("no resource with key " + finding.get("resource"));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static JsonNode findingOf(JsonNode findings, String ruleId) {
        for (JsonNode finding : findings) {
            if (finding.get("ruleId").asText().equals(ruleId)) {
                return finding;
            }
        }
        throw new AssertionError("no finding of " + ruleId);
    }
}
