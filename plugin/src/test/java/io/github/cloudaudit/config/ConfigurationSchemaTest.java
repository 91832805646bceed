package io.github.cloudaudit.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.rules.Setting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schema of cloud-audit.yml names every built-in rule and every setting with its type, lower bound and
 * default, as the rules declare them. Its {@code rules} part and the shared settings are generated here; this test
 * fails when they drift, and {@code -Dcloudaudit.updateDocs=true} rewrites them.
 */
class ConfigurationSchemaTest {

    private static final Path SCHEMA = Path.of("src/main/resources").resolve(ConfigurationFile.SCHEMA);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void schemaNamesEveryRuleAndSettingAsDeclared() throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(SCHEMA.toFile());
        ObjectNode expected = schema.deepCopy();
        ObjectNode properties = (ObjectNode) expected.get("properties");
        for (Setting<?> shared : AuditSettings.SHARED) {
            properties.set(shared.key(), settingSchema(shared));
        }
        ((ObjectNode) expected.get("$defs")).set("rules", rulesSchema());
        String text = JSON.writeValueAsString(expected) + "\n";
        if (Boolean.getBoolean("cloudaudit.updateDocs")) {
            Files.writeString(SCHEMA, text, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SCHEMA, StandardCharsets.UTF_8)).as("%s is out of date; run: ./mvnw -pl "
                + "report-templates,plugin test -Dtest=ConfigurationSchemaTest -Dcloudaudit.updateDocs=true", SCHEMA)
                .isEqualTo(text);
    }

    private static ObjectNode rulesSchema() {
        ObjectNode rules = JSON.createObjectNode().put("type", "object").put("additionalProperties", false)
                .put("description", "Per rule: enabled, severity (the severity reported, not raised further), "
                        + "scope, and the rule's own settings.");
        ObjectNode byId = rules.putObject("properties");
        for (Rule rule : RuleEngine.withBuiltInRules().rules()) {
            ObjectNode entry = byId.putObject(rule.metadata().id()).put("type", "object")
                    .put("additionalProperties", false).put("description", rule.metadata().title());
            ObjectNode fields = entry.putObject("properties");
            fields.putObject("enabled").put("type", "boolean");
            fields.putObject("severity").put("$ref", "#/$defs/severity");
            fields.putObject("scope").put("$ref", "#/$defs/scope");
            rule.settings().forEach(setting -> fields.set(setting.key(), settingSchema(setting)));
        }
        return rules;
    }

    private static JsonNode settingSchema(Setting<?> setting) {
        ObjectNode schema = JSON.createObjectNode();
        switch (setting.kind()) {
            case INTEGER -> schema.put("type", "integer").put("minimum", (long) setting.minimum());
            case NUMBER -> schema.put("type", "number").put("minimum", setting.minimum());
            case TEXT_LIST -> schema.put("$ref", "#/$defs/list");
            case TAG_MAP -> schema.put("type", "object").putObject("additionalProperties").put("type", "string");
        }
        schema.set("default", JSON.valueToTree(setting.defaultValue() instanceof java.util.Map<?, ?> map
                ? new java.util.TreeMap<>(map) : setting.defaultValue()));
        return schema.put("description", setting.description());
    }
}
