package io.github.cloudaudit.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Facts about the audit run itself.
 *
 * @param auditDate      the date every time-based rule measured against
 * @param pluginVersion  version of this plugin
 * @param generatedAt    when the reports were written
 * @param duration       how long reading and auditing took
 * @param failOnSeverity the build's threshold, or NONE
 * @param inputs         the inventory files and folders given
 * @param locale         language of the human-readable reports, e.g. {@code en} or {@code nb}
 * @param configuration  the effective configuration as YAML, empty when not known
 */
public record AuditMetadata(LocalDate auditDate, String pluginVersion, Instant generatedAt, Duration duration,
                            String failOnSeverity, List<String> inputs, String locale, String configuration) {

    public AuditMetadata {
        inputs = List.copyOf(inputs);
        configuration = configuration == null ? "" : configuration;
    }

    /** Metadata of an audit run without a configuration to show. */
    public AuditMetadata(LocalDate auditDate, String pluginVersion, Instant generatedAt, Duration duration,
                         String failOnSeverity, List<String> inputs, String locale) {
        this(auditDate, pluginVersion, generatedAt, duration, failOnSeverity, inputs, locale, "");
    }
}
