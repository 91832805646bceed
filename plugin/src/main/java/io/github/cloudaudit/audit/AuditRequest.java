package io.github.cloudaudit.audit;

import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.source.InventorySource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What to audit and how, independent of Maven.
 *
 * @param sources                where inventory comes from: files and folders, live accounts
 * @param auditDate              the fixed date rules measure against
 * @param settings               rule settings
 * @param failOnSeverity         the build's threshold, null for never
 * @param suppressionFile        suppressions, null for none
 * @param operatingSystemTable   user lifecycle table laid over the built-in one, null for none
 * @param databaseEngineTable    user lifecycle table laid over the built-in one, null for none
 * @param locale                 language of human-readable reports
 * @param policy                 rule overrides, baseline and the verdict's other gates
 * @param configuration          the effective configuration as YAML, shown in the reports
 */
public record AuditRequest(List<InventorySource> sources, LocalDate auditDate, AuditSettings settings,
                           Severity failOnSeverity, Path suppressionFile, Path operatingSystemTable,
                           Path databaseEngineTable, String locale, PolicyOptions policy, String configuration) {

    public AuditRequest {
        sources = List.copyOf(sources);
    }
}
