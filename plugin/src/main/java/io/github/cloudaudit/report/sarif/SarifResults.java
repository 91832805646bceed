package io.github.cloudaudit.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.Origin;

import java.io.IOException;

import static io.github.cloudaudit.report.JsonReportSupport.lowerCase;
import static io.github.cloudaudit.report.JsonReportSupport.stringArray;

/** One finding as a SARIF result: where it is (its origin and the cloud resource), how bad, and whether accepted. */
final class SarifResults {

    /** The partial fingerprint key; the suffix is raised if {@link Finding#fingerprint()} ever changes its recipe. */
    static final String FINGERPRINT_KEY = "cloudAuditFingerprint/v1";

    private SarifResults() {
    }

    /**
     * @param ruleIndex     the rule's place in {@code tool.driver.rules}, or null when it is not in the catalogue
     * @param baselineState {@code new} or {@code existing} against the user's baseline, null without one
     */
    static void write(JsonGenerator json, Finding finding, Integer ruleIndex, String baselineState) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        if (ruleIndex != null) {
            json.writeNumberField("ruleIndex", ruleIndex);
        }
        json.writeStringField("level", SarifRules.level(finding.severity()));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", finding.message() == null ? finding.ruleId() : finding.message());
        json.writeEndObject();
        json.writeArrayFieldStart("locations");
        location(json, finding);
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT_KEY, finding.fingerprint());
        json.writeEndObject();
        if (baselineState != null) {
            // SARIF's own words: a finding the baseline holds is "unchanged".
            json.writeStringField("baselineState", baselineState.equals("new") ? "new" : "unchanged");
        }
        if (finding.suppressed()) {
            suppressions(json, finding.suppression());
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("severity", finding.severity().name());
        json.writeBooleanField("verified", finding.verified());
        stringArray(json, "evidence", finding.evidence());
        json.writeStringField("provider", lowerCase(finding.provider()));
        json.writeStringField("account", finding.account());
        json.writeStringField("region", finding.region());
        if (!finding.related().isEmpty()) {
            stringArray(json, "related", finding.related());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Where the resource was read from and always the resource itself: a file origin is a physical location at the
     * item's line, an API origin a logical location naming the call. Findings about the audit (such as unreadable
     * data) have no origin but still need a location.
     */
    private static void location(JsonGenerator json, Finding finding) throws IOException {
        Origin origin = finding.origin();
        json.writeStartObject();
        if (origin != null && origin.isFile() && !origin.file().isBlank()) {
            physicalLocation(json, origin);
        }
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("name", firstPresent(finding.resourceName(), finding.resourceId(), finding.account(),
                "inventory"));
        if (finding.resourceId() != null) {
            json.writeStringField("fullyQualifiedName", finding.resourceId());
        }
        json.writeStringField("kind", "resource");
        json.writeEndObject();
        if (origin != null && !origin.isFile()) {
            json.writeStartObject();
            json.writeStringField("name", origin.operation());
            json.writeStringField("fullyQualifiedName", String.join("/", lowerCase(finding.provider()),
                    String.valueOf(origin.account()), String.valueOf(origin.region()), origin.operation()));
            json.writeStringField("kind", "function");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void physicalLocation(JsonGenerator json, Origin origin) throws IOException {
        ArtifactUri artifact = ArtifactUri.of(origin.file());
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", artifact.uri());
        if (artifact.baseId() != null) {
            json.writeStringField("uriBaseId", artifact.baseId());
        }
        json.writeEndObject();
        // Where the item starts; viewers need a line, so an unknown one points at the file's first.
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", Math.max(origin.line(), 1));
        if (origin.column() > 0) {
            json.writeNumberField("startColumn", origin.column());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void suppressions(JsonGenerator json, Suppression suppression) throws IOException {
        json.writeArrayFieldStart("suppressions");
        json.writeStartObject();
        json.writeStringField("kind", "external");
        json.writeStringField("status", "accepted");
        json.writeStringField("justification", suppression.justification());
        json.writeObjectFieldStart("properties");
        if (suppression.expires() != null) {
            json.writeStringField("expires", suppression.expires().toString());
        }
        json.writeStringField("origin", suppression.origin());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no candidate given");
    }
}
