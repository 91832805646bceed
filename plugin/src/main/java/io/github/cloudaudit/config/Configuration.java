package io.github.cloudaudit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.policy.ResourceScope;
import io.github.cloudaudit.policy.RuleOverride;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.rules.Setting;
import io.github.cloudaudit.source.aws.live.AwsSettings;
import io.github.cloudaudit.source.azure.live.AzureCloud;
import io.github.cloudaudit.source.azure.live.AzureSettings;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration of one audit: the defaults, then {@code cloud-audit.yml}, then the pom, each layer
 * winning over the one before key by key (maps merge, lists and values replace). Written beside the reports, so a
 * reader sees exactly what the audit ran with.
 */
public final class Configuration {

    /** Keys whose values are paths; the file's relative paths are resolved against its folder. */
    public static final List<String> PATH_KEYS = List.of("inventory", "outputDirectory", "suppressions", "osLifecycle",
            "databaseLifecycle", "templateDirectory", "baseline");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final List<Rule> RULES = RuleEngine.withBuiltInRules().rules();

    private final ObjectNode tree;

    private Configuration(ObjectNode tree) {
        this.tree = tree;
    }

    /** The defaults overlaid by each layer in turn; null layers are skipped. */
    public static Configuration of(ObjectNode... layers) {
        ObjectNode tree = defaults();
        for (ObjectNode layer : layers) {
            if (layer != null) {
                merge(tree, layer);
            }
        }
        return new Configuration(tree);
    }

    /** An empty layer to put values into. */
    public static ObjectNode layer() {
        return YAML.createObjectNode();
    }

    /** A value as a configuration tree node. */
    public static JsonNode tree(Object value) {
        return YAML.valueToTree(value);
    }

    /** Puts a setting's value where the configuration keeps it: under its rule, or at the top when shared. */
    public static <T> void put(ObjectNode layer, Setting<T> setting, T value) {
        String owner = ownerOf(setting);
        ObjectNode holder = owner == null ? layer : object(object(layer, "rules"), owner);
        holder.set(setting.key(), YAML.valueToTree(value instanceof Map<?, ?> map ? new TreeMap<>(map) : value));
    }

    private static ObjectNode defaults() {
        ObjectNode defaults = layer();
        defaults.put("failOnSeverity", "HIGH");
        defaults.putArray("formats").add("html").add("json").add("sarif");
        defaults.put("failOnIncompleteAudit", true);
        defaults.put("failOnExpiredSuppressions", false);
        defaults.put("warnOnly", false);
        defaults.put("sarifMaxResults", ReportOptions.DEFAULT_SARIF_MAX_RESULTS);
        defaults.put("junitMaxTestCases", ReportOptions.DEFAULT_JUNIT_MAX_TEST_CASES);
        defaults.put("markdownMaxBytes", ReportOptions.DEFAULT_MARKDOWN_MAX_BYTES);
        defaults.put("compressJson", false);
        defaults.putObject("aws").put("enabled", false).put("maxConcurrency", AwsSettings.DEFAULT_CONCURRENCY)
                .put("metricsDays", AwsSettings.DEFAULT_METRICS_DAYS);
        defaults.putObject("azure").put("enabled", false).put("cloud", AzureCloud.AZURE_CLOUD.cloudName())
                .put("metricsDays", AzureSettings.DEFAULT_METRICS_DAYS);
        AuditSettings.SHARED.forEach(s -> putDefault(defaults, s));
        RULES.forEach(r -> r.settings().forEach(s -> putDefault(defaults, s)));
        return defaults;
    }

    private static <T> void putDefault(ObjectNode layer, Setting<T> setting) {
        put(layer, setting, setting.defaultValue());
    }

    private static String ownerOf(Setting<?> setting) {
        return RULES.stream().filter(r -> r.settings().contains(setting)).map(r -> r.metadata().id()).findFirst()
                .orElse(null);
    }

    private static ObjectNode object(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode child ? child : parent.putObject(key);
    }

    private static void merge(ObjectNode into, ObjectNode layer) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = layer.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue() instanceof ObjectNode object && into.get(field.getKey()) instanceof ObjectNode existing
                    && !field.getKey().equals("tags") && !field.getKey().equals("databaseTags")) {
                merge(existing, object);
            } else {
                into.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /** A top-level value as text, null when unset. */
    public String text(String key) {
        JsonNode value = tree.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A top-level yes/no value; false when unset. */
    public boolean flag(String key) {
        JsonNode value = tree.get(key);
        return value != null && (value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText()));
    }

    /** A top-level whole number, null when unset. */
    public Integer integer(String key) {
        JsonNode value = tree.get(key);
        return value == null || value.isNull() ? null : value.asInt();
    }

    /** A top-level section, such as {@code aws}; missing when unset. */
    public JsonNode section(String key) {
        return tree.path(key);
    }

    /** A top-level value as a list of texts: a list, or one text; empty when unset. */
    public List<String> texts(String key) {
        return ResourceScope.texts(tree.get(key));
    }

    /** The rule settings: shared ones from the top, each rule's own from its entry under {@code rules}. */
    public AuditSettings settings() {
        AuditSettings settings = AuditSettings.defaults();
        for (Setting<?> shared : AuditSettings.SHARED) {
            settings = withValue(settings, shared, tree.get(shared.key()));
        }
        for (Rule rule : RULES) {
            JsonNode entry = tree.path("rules").path(rule.metadata().id());
            for (Setting<?> setting : rule.settings()) {
                settings = withValue(settings, setting, entry.get(setting.key()));
            }
        }
        return settings;
    }

    private static <T> AuditSettings withValue(AuditSettings settings, Setting<T> setting, JsonNode value) {
        return value == null ? settings : settings.with(setting, setting.parse(YAML.convertValue(value, Object.class)));
    }

    /** What the configuration says about each rule it names. */
    public Map<String, RuleOverride> ruleOverrides() {
        Map<String, RuleOverride> overrides = new LinkedHashMap<>();
        tree.path("rules").fields().forEachRemaining(entry -> {
            JsonNode rule = entry.getValue();
            RuleOverride override = new RuleOverride(rule.path("enabled").asBoolean(true),
                    rule.hasNonNull("severity") ? Severity.parse(rule.get("severity").asText()) : null,
                    ResourceScope.read(rule.path("scope")));
            if (!override.equals(RuleOverride.NONE)) {
                overrides.put(entry.getKey(), override);
            }
        });
        return overrides;
    }

    /** The effective configuration as YAML, keys in the order they were first set. */
    public String yaml() {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
