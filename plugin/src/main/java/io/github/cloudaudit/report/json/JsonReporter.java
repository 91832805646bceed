package io.github.cloudaudit.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.policy.BaselineComparison;
import io.github.cloudaudit.policy.BaselineEntry;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.report.AuditMetadata;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.JsonReportSupport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.report.RiskRanking;
import io.github.cloudaudit.rules.ServerProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.report.JsonReportSupport.lowerCase;
import static io.github.cloudaudit.report.JsonReportSupport.nullableBoolean;
import static io.github.cloudaudit.report.JsonReportSupport.nullableString;
import static io.github.cloudaudit.report.JsonReportSupport.origin;
import static io.github.cloudaudit.report.JsonReportSupport.stringArray;

/**
 * Writes {@code findings.json}: the whole audit for machines, in the stable format described by
 * {@code io/github/cloudaudit/schema/findings.schema.json} and {@code docs/findings-format.md}. Every key is always
 * written; a null value means unknown or not applicable. Each thing is said once: rule texts in the catalogue,
 * server facts and risk with the resource, and in a finding only what is its own, so the file grows with the
 * findings' own words and not with repeated rule and server texts.
 */
public final class JsonReporter implements Reporter {

    /** Raised when a field is removed, renamed or changes meaning; new fields may appear without a raise. */
    public static final int SCHEMA_VERSION = 2;
    public static final String FILE_NAME = "findings.json";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory) throws IOException {
        return write(report, outputDirectory, ReportOptions.DEFAULTS);
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory, ReportOptions options) throws IOException {
        Path file = outputDirectory.resolve(options.compressJson() ? FILE_NAME + ".gz" : FILE_NAME);
        try (JsonGenerator json = JsonReportSupport.open(file, options.compressJson())) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            audit(json, report);
            json.writeArrayFieldStart("rules");
            for (RuleMetadata rule : report.rules()) {
                rule(json, rule);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("resources");
            for (RiskRanking.ServerRisk risk : report.ranking()) {
                resource(json, risk);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            BaselineComparison baseline = report.result().baseline();
            List<Finding> findings = report.result().findings();
            for (int i = 0; i < findings.size(); i++) {
                finding(json, findings.get(i), report.resourceKeyOf(i), baseline.stateOf(findings.get(i)));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("expiredSuppressions");
            for (Suppression suppression : report.result().expired()) {
                expiredSuppression(json, suppression);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("unusedSuppressions");
            for (Suppression suppression : report.result().unused()) {
                expiredSuppression(json, suppression);
            }
            json.writeEndArray();
            baseline(json, report.result());
            json.writeEndObject();
        }
        return file;
    }

    private static void audit(JsonGenerator json, AuditReport report) throws IOException {
        AuditMetadata metadata = report.metadata();
        PolicyResult result = report.result();
        json.writeObjectFieldStart("audit");
        nullableString(json, "auditDate", metadata.auditDate());
        nullableString(json, "pluginVersion", metadata.pluginVersion());
        nullableString(json, "generatedAt", metadata.generatedAt());
        json.writeNumberField("durationMillis", metadata.duration().toMillis());
        nullableString(json, "failOnSeverity", metadata.failOnSeverity());
        json.writeStringField("verdict", result.passed() ? "pass" : "fail");
        json.writeBooleanField("incomplete", report.incomplete());
        stringArray(json, "inputs", metadata.inputs());
        json.writeStringField("configuration", metadata.configuration());
        sources(json, report.inventory().sources());
        json.writeObjectFieldStart("apiCalls");
        for (Map.Entry<String, Long> calls : report.inventory().apiCalls().entrySet()) {
            json.writeNumberField(calls.getKey(), calls.getValue());
        }
        json.writeEndObject();
        coverage(json, report.inventory().gaps());
        counts(json, result);
        json.writeEndObject();
    }

    /** The files read with their format, and the files skipped with the reason. */
    private static void sources(JsonGenerator json, List<SourceFile> sources) throws IOException {
        json.writeObjectFieldStart("sources");
        json.writeArrayFieldStart("read");
        for (SourceFile source : sources) {
            if (source.skipped() == null) {
                json.writeStartObject();
                json.writeStringField("path", source.path());
                json.writeStringField("format", source.format());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("skipped");
        for (SourceFile source : sources) {
            if (source.skipped() != null) {
                json.writeStartObject();
                json.writeStringField("path", source.path());
                json.writeStringField("reason", source.skipped());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void coverage(JsonGenerator json, List<CoverageGap> gaps) throws IOException {
        json.writeObjectFieldStart("coverage");
        json.writeArrayFieldStart("gaps");
        for (CoverageGap gap : gaps) {
            json.writeStartObject();
            json.writeStringField("provider", lowerCase(gap.provider()));
            json.writeStringField("account", gap.account());
            json.writeStringField("region", gap.region());
            json.writeStringField("what", gap.what());
            json.writeStringField("reason", gap.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Unsuppressed findings per severity, suppressed ones, and all: total is the sum of the other two. */
    private static void counts(JsonGenerator json, PolicyResult result) throws IOException {
        json.writeObjectFieldStart("counts");
        json.writeObjectFieldStart("bySeverity");
        for (Map.Entry<Severity, Long> count : result.countsBySeverity().entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
        json.writeNumberField("suppressed", result.suppressedCount());
        json.writeNumberField("total", result.findings().size());
        json.writeEndObject();
    }

    private static void rule(JsonGenerator json, RuleMetadata rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("title", rule.title());
        json.writeStringField("category", lowerCase(rule.category()));
        json.writeStringField("severity", rule.severity().name());
        json.writeStringField("rationale", rule.rationale());
        json.writeStringField("remediation", rule.remediation());
        stringArray(json, "references", rule.references());
        json.writeEndObject();
    }

    private static void resource(JsonGenerator json, RiskRanking.ServerRisk risk) throws IOException {
        ServerProfile profile = risk.profile();
        Server server = profile.server();
        json.writeStartObject();
        json.writeStringField("key", risk.key());
        json.writeStringField("provider", lowerCase(server.provider()));
        json.writeStringField("kind", lowerCase(server.kind()));
        json.writeStringField("id", server.id());
        json.writeStringField("name", server.name());
        json.writeStringField("account", server.account());
        json.writeStringField("region", server.region());
        json.writeStringField("type", server.type());
        json.writeStringField("state", lowerCase(server.state()));
        nullableString(json, "launchedOn", server.launchedOn());
        json.writeStringField("owner", profile.owner());
        json.writeBooleanField("hostsDatabase", profile.hostsDatabase());
        stringArray(json, "databaseEvidence", profile.databaseEvidence());
        labelled(json, "os", profile.osLabel(), profile.osEndOfSupport());
        labelled(json, "engine", profile.engineLabel(), profile.engineEndOfSupport());
        json.writeStringField("classification", profile.classification());
        Monitoring monitoring = server.monitoring();
        json.writeObjectFieldStart("monitoring");
        nullableBoolean(json, "cpuAlarm", monitoring.cpuAlarm());
        nullableBoolean(json, "detailedMonitoring", monitoring.detailedMonitoring());
        nullableBoolean(json, "agent", monitoring.agent());
        json.writeEndObject();
        json.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> tag : server.tags().entrySet()) {
            json.writeStringField(tag.getKey(), tag.getValue());
        }
        json.writeEndObject();
        origin(json, server.origin());
        json.writeObjectFieldStart("risk");
        json.writeNumberField("score", risk.score());
        json.writeArrayFieldStart("reasons");
        for (RiskRanking.Reason reason : risk.reasons()) {
            json.writeStartObject();
            json.writeStringField("category", lowerCase(reason.category()));
            json.writeNumberField("points", reason.points());
            stringArray(json, "rules", reason.ruleIds());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** An operating system or engine as detected: its label and end of support, each null when unknown. */
    private static void labelled(JsonGenerator json, String field, String label, LocalDate endOfSupport)
            throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("label", label);
        nullableString(json, "endOfSupport", endOfSupport);
        json.writeEndObject();
    }

    /** New, existing and fixed findings against the baseline; null without one. */
    private static void baseline(JsonGenerator json, PolicyResult result) throws IOException {
        BaselineComparison baseline = result.baseline();
        if (!baseline.used()) {
            json.writeNullField("baseline");
            return;
        }
        long unsuppressed = result.findings().stream().filter(f -> !f.suppressed()).count();
        long fresh = result.newFindings().size();
        json.writeObjectFieldStart("baseline");
        json.writeNumberField("new", fresh);
        json.writeNumberField("existing", unsuppressed - fresh);
        json.writeArrayFieldStart("fixed");
        for (BaselineEntry entry : baseline.fixed()) {
            json.writeStartObject();
            json.writeStringField("fingerprint", entry.fingerprint());
            json.writeStringField("ruleId", entry.rule());
            json.writeStringField("provider", entry.provider());
            json.writeStringField("account", entry.account());
            json.writeStringField("resourceId", entry.resource());
            json.writeStringField("severity", entry.severity());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /**
     * A finding names its resource by key and says only what is its own: the rule's texts are in {@code rules} and
     * the resource's facts in {@code resources}, once each. A finding about something that is not a listed resource
     * (an account or region the audit could not read) names it in {@code scope} instead.
     */
    private static void finding(JsonGenerator json, Finding finding, String resourceKey, String baselineState)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("fingerprint", finding.fingerprint());
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("severity", finding.severity().name());
        json.writeStringField("resource", resourceKey);
        if (resourceKey == null) {
            scope(json, finding);
        } else {
            json.writeNullField("scope");
        }
        json.writeStringField("message", finding.message());
        stringArray(json, "evidence", finding.evidence());
        json.writeBooleanField("verified", finding.verified());
        stringArray(json, "related", finding.related());
        json.writeStringField("baseline", baselineState);
        json.writeBooleanField("suppressed", finding.suppressed());
        Suppression suppression = finding.suppression();
        if (suppression == null) {
            json.writeNullField("suppression");
        } else {
            json.writeObjectFieldStart("suppression");
            suppressionFields(json, suppression);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void scope(JsonGenerator json, Finding finding) throws IOException {
        json.writeObjectFieldStart("scope");
        json.writeStringField("provider", lowerCase(finding.provider()));
        json.writeStringField("account", finding.account());
        json.writeStringField("region", finding.region());
        json.writeStringField("id", finding.resourceId());
        json.writeStringField("name", finding.resourceName());
        origin(json, finding.origin());
        json.writeEndObject();
    }

    private static void expiredSuppression(JsonGenerator json, Suppression suppression) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", suppression.rule());
        json.writeStringField("resource", suppression.resource());
        suppressionFields(json, suppression);
        json.writeEndObject();
    }

    private static void suppressionFields(JsonGenerator json, Suppression suppression) throws IOException {
        json.writeStringField("justification", suppression.justification());
        nullableString(json, "expires", suppression.expires());
        json.writeStringField("origin", suppression.origin());
        json.writeStringField("ticket", suppression.ticket());
    }
}
