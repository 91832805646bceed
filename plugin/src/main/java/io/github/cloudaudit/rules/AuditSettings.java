package io.github.cloudaudit.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the rules' {@link Setting}s for one audit: each rule declares its own settings with their defaults
 * ({@link Rule#settings()}); the settings every rule shares are declared here. Unset settings read as their default.
 */
public final class AuditSettings {

    /** Tags that mark a server as a database host, key to value ({@code *} for any value). */
    public static final Setting<Map<String, String>> DATABASE_TAGS = Setting.tags("databaseTags",
            Map.of("role", "database", "workload", "database", "db", "*"),
            "Tags that mark a server as a database host, key to value (* for any value).");

    /** Tag keys that carry a data classification, e.g. {@code data-classification}. */
    public static final Setting<List<String>> CLASSIFICATION_TAG_KEYS = Setting.texts("classificationTagKeys",
            List.of("data-classification", "dataclassification", "classification", "data-class"),
            "Tag keys that carry a data classification.");

    /** Classification values that raise a finding's severity, e.g. personal, pii, confidential. */
    public static final Setting<List<String>> SENSITIVE_CLASSIFICATIONS = Setting.texts("sensitiveClassifications",
            List.of("personal", "pii", "confidential", "restricted", "sensitive", "secret", "gdpr"),
            "Classification values that raise the severity of findings on the server.");

    /** The settings not owned by one rule. */
    public static final List<Setting<?>> SHARED = List.of(DATABASE_TAGS, CLASSIFICATION_TAG_KEYS,
            SENSITIVE_CLASSIFICATIONS);

    private static final AuditSettings DEFAULTS = new AuditSettings(Map.of());

    private final Map<Setting<?>, Object> values;

    private AuditSettings(Map<Setting<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    public static AuditSettings defaults() {
        return DEFAULTS;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.getOrDefault(setting, setting.defaultValue());
    }

    /** These settings with one value changed. */
    public <T> AuditSettings with(Setting<T> setting, T value) {
        Map<Setting<?>, Object> changed = new HashMap<>(values);
        changed.put(setting, value);
        return new AuditSettings(changed);
    }

    public List<String> requiredTags() {
        return get(OrphanNoOwnerRule.REQUIRED_TAGS);
    }

    public int maxServerAgeDays() {
        return get(StaleServerRule.MAX_SERVER_AGE_DAYS);
    }

    public int stoppedDaysThreshold() {
        return get(OrphanStoppedRule.STOPPED_DAYS_THRESHOLD);
    }

    public Map<String, String> databaseTags() {
        return get(DATABASE_TAGS);
    }

    public List<String> classificationTagKeys() {
        return get(CLASSIFICATION_TAG_KEYS);
    }

    public List<String> sensitiveClassifications() {
        return get(SENSITIVE_CLASSIFICATIONS);
    }

    public List<String> decommissionMarkers() {
        return get(OrphanDecommissionedRule.DECOMMISSION_MARKERS);
    }

    public double cpuHighPercent() {
        return get(CpuSustainedHighRule.CPU_HIGH_PERCENT);
    }

    public AuditSettings withRequiredTags(List<String> tags) {
        return with(OrphanNoOwnerRule.REQUIRED_TAGS, tags);
    }

    public AuditSettings withMaxServerAgeDays(int days) {
        return with(StaleServerRule.MAX_SERVER_AGE_DAYS, days);
    }

    public AuditSettings withStoppedDaysThreshold(int days) {
        return with(OrphanStoppedRule.STOPPED_DAYS_THRESHOLD, days);
    }
}
