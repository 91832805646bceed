package io.github.cloudaudit.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.CappedFindings;
import io.github.cloudaudit.report.JsonReportSupport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code findings.sarif}, SARIF 2.1.0, for code scanning dashboards and IDE viewers: one run whose tool
 * lists the whole rule catalogue and whose results are the findings, at most {@code sarifMaxResults} of them,
 * suppressed ones marked as accepted.
 */
public final class SarifReporter implements Reporter {

    public static final String FILE_NAME = "findings.sarif";
    static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String TOOL_NAME = "cloud-audit";
    static final String INFORMATION_URI = "https://github.com/cloudaudit/cloud-audit-maven-plugin";

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory) throws IOException {
        return write(report, outputDirectory, ReportOptions.DEFAULTS);
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory, ReportOptions options) throws IOException {
        Path file = outputDirectory.resolve(FILE_NAME);
        try (JsonGenerator json = JsonReportSupport.open(file)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA_URI);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            run(json, report, CappedFindings.of(report, options.sarifMaxResults()));
            json.writeEndArray();
            json.writeEndObject();
        }
        return file;
    }

    @Override
    public String leftOut(AuditReport report, ReportOptions options) {
        int total = report.result().findings().size();
        int left = total - Math.min(total, options.sarifMaxResults());
        return left == 0 ? null : String.format(Locale.ROOT, "%s holds the %,d most severe and most at risk of %,d "
                + "findings (sarifMaxResults); %,d were left out.", FILE_NAME, total - left, total, left);
    }

    /**
     * One run: the rule catalogue once, then the results, the most severe and most at risk first and capped so that
     * code scanning takes the file (it rejects a run of more than 25,000 results and shows the top 5,000). The
     * run's properties say how many were left out; the verdict in them is over all findings.
     */
    private static void run(JsonGenerator json, AuditReport report, CappedFindings results) throws IOException {
        AuditMetadata metadata = report.metadata();
        json.writeStartObject();
        tool(json, metadata.pluginVersion(), report.rules());
        invocation(json, metadata);
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart(ArtifactUri.BASE_ID);
        json.writeObjectFieldStart("description");
        json.writeStringField("text", "The directory the audit ran in; relative inventory paths start there.");
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < report.rules().size(); i++) {
            ruleIndex.put(report.rules().get(i).id(), i);
        }
        json.writeArrayFieldStart("results");
        for (Finding finding : results.kept()) {
            SarifResults.write(json, finding, ruleIndex.get(finding.ruleId()),
                    report.result().baseline().stateOf(finding));
        }
        json.writeEndArray();
        json.writeObjectFieldStart("properties");
        json.writeStringField("auditDate", metadata.auditDate().toString());
        json.writeStringField("failOnSeverity", metadata.failOnSeverity());
        json.writeStringField("verdict", report.result().passed() ? "pass" : "fail");
        json.writeBooleanField("incomplete", report.incomplete());
        json.writeNumberField("findingsTotal", results.total());
        json.writeNumberField("resultsLeftOut", results.leftOut());
        if (results.leftOut() > 0) {
            json.writeStringField("resultsLeftOutNote", String.format(Locale.ROOT, "The %,d most severe and most at "
                    + "risk of %,d findings are results here; the verdict counts them all, and the json format "
                    + "(findings.json) lists them all.", results.kept().size(), results.total()));
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void tool(JsonGenerator json, String pluginVersion, List<RuleMetadata> rules) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", TOOL_NAME);
        json.writeStringField("informationUri", INFORMATION_URI);
        if (pluginVersion != null) {
            json.writeStringField("semanticVersion", pluginVersion);
            json.writeStringField("version", pluginVersion);
        }
        json.writeArrayFieldStart("rules");
        for (RuleMetadata rule : rules) {
            SarifRules.write(json, rule);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The audit ran to the end: findings, even failing ones, are its successful result. */
    private static void invocation(JsonGenerator json, AuditMetadata metadata) throws IOException {
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", true);
        if (metadata.generatedAt() != null) {
            if (metadata.duration() != null) {
                json.writeStringField("startTimeUtc", metadata.generatedAt().minus(metadata.duration()).toString());
            }
            json.writeStringField("endTimeUtc", metadata.generatedAt().toString());
        }
        json.writeEndObject();
        json.writeEndArray();
    }
}
