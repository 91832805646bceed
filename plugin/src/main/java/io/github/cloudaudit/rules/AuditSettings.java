package io.github.cloudaudit.rules;

import java.util.List;
import java.util.Map;

/**
 * The tunable parts of the rules, from the goal's parameters.
 *
 * @param requiredTags          tag keys every server must carry (compared case-insensitively), e.g. {@code owner}
 * @param maxServerAgeDays      a server older than this since launch or creation is stale
 * @param stoppedDaysThreshold  a server stopped longer than this with disks attached is orphaned
 * @param databaseTags          tags that mark a server as a database host, key to value ({@code *} for any value)
 * @param classificationTagKeys tag keys that carry a data classification, e.g. {@code data-classification}
 * @param sensitiveClassifications classification values that raise severity, e.g. personal, pii, confidential
 * @param decommissionMarkers   tag values (in any tag) that mark a server as on its way out
 * @param cpuHighPercent        average CPU at or above this over the statistics period counts as sustained high
 */
public record AuditSettings(List<String> requiredTags, int maxServerAgeDays, int stoppedDaysThreshold,
                            Map<String, String> databaseTags, List<String> classificationTagKeys,
                            List<String> sensitiveClassifications, List<String> decommissionMarkers,
                            double cpuHighPercent) {

    public static AuditSettings defaults() {
        return new AuditSettings(
                List.of("owner"),
                3 * 365,
                30,
                Map.of("role", "database", "workload", "database", "db", "*"),
                List.of("data-classification", "dataclassification", "classification", "data-class"),
                List.of("personal", "pii", "confidential", "restricted", "sensitive", "secret", "gdpr"),
                List.of("decommissioned", "decommission", "retired", "deprecated", "to-delete", "todelete",
                        "delete", "obsolete", "sunset"),
                80.0);
    }

    public AuditSettings withRequiredTags(List<String> tags) {
        return new AuditSettings(tags, maxServerAgeDays, stoppedDaysThreshold, databaseTags, classificationTagKeys,
                sensitiveClassifications, decommissionMarkers, cpuHighPercent);
    }

    public AuditSettings withMaxServerAgeDays(int days) {
        return new AuditSettings(requiredTags, days, stoppedDaysThreshold, databaseTags, classificationTagKeys,
                sensitiveClassifications, decommissionMarkers, cpuHighPercent);
    }

    public AuditSettings withStoppedDaysThreshold(int days) {
        return new AuditSettings(requiredTags, maxServerAgeDays, days, databaseTags, classificationTagKeys,
                sensitiveClassifications, decommissionMarkers, cpuHighPercent);
    }

    public AuditSettings withDatabaseTags(Map<String, String> tags) {
        return new AuditSettings(requiredTags, maxServerAgeDays, stoppedDaysThreshold, tags, classificationTagKeys,
                sensitiveClassifications, decommissionMarkers, cpuHighPercent);
    }
}
