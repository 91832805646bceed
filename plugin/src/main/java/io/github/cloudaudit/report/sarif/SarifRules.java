package io.github.cloudaudit.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;

import java.io.IOException;
import java.util.Locale;

import static io.github.cloudaudit.report.JsonReportSupport.lowerCase;

/** The rule catalogue as SARIF reporting descriptors, and how severities map onto SARIF levels. */
final class SarifRules {

    private SarifRules() {
    }

    /** CRITICAL and HIGH fail a code scanning check as errors; MEDIUM warns; LOW and INFO are notes. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /** The score code scanning sorts security alerts by, in its critical, high, medium and low bands. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.0";
            case HIGH -> "7.0";
            case MEDIUM -> "4.0";
            case LOW -> "2.0";
            case INFO -> "0.0";
        };
    }

    static void write(JsonGenerator json, RuleMetadata rule) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", name(rule.id()));
        message(json, "shortDescription", rule.title());
        message(json, "fullDescription", rule.rationale());
        json.writeObjectFieldStart("help");
        json.writeStringField("text", helpText(rule));
        json.writeStringField("markdown", helpMarkdown(rule));
        json.writeEndObject();
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.severity()));
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("category", lowerCase(rule.category()));
        json.writeStringField("security-severity", securitySeverity(rule.severity()));
        json.writeArrayFieldStart("tags");
        json.writeString("security");
        json.writeString(lowerCase(rule.category()));
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A rule id as an identifier people read: {@code legacy-os} becomes {@code LegacyOs}. */
    static String name(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.isEmpty() ? id : name.toString();
    }

    private static void message(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text == null ? "" : text);
        json.writeEndObject();
    }

    private static String helpText(RuleMetadata rule) {
        StringBuilder help = new StringBuilder(text(rule.rationale()))
                .append("\n\nRemediation: ").append(text(rule.remediation()));
        if (!rule.references().isEmpty()) {
            help.append("\n\nReferences:");
            rule.references().forEach(reference -> help.append("\n- ").append(reference));
        }
        return help.toString();
    }

    private static String helpMarkdown(RuleMetadata rule) {
        StringBuilder help = new StringBuilder("**Why it matters**\n\n").append(text(rule.rationale()))
                .append("\n\n**Remediation**\n\n").append(text(rule.remediation()));
        if (!rule.references().isEmpty()) {
            help.append("\n\n**References**\n");
            rule.references().forEach(reference -> help.append("\n- ").append(reference));
        }
        return help.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
