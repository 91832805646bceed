package io.github.cloudaudit.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.policy.RuleOverride;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.StaleServerRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Defaults, then the file, then the pom: the pom wins key by key, and the result reads back as typed settings. */
class ConfigurationTest {

    private static ObjectNode fileLayer() {
        ObjectNode file = Configuration.layer();
        file.put("failOnSeverity", "MEDIUM");
        file.putArray("inventory").add("/inventory");
        ObjectNode stale = file.putObject("rules").putObject("stale-server");
        stale.put("maxServerAgeDays", 730).put("severity", "LOW");
        stale.putObject("scope").putObject("tags").put("env", "prod*");
        file.putObject("databaseTags").put("tier", "data");
        return file;
    }

    @Test
    void withoutLayersEverySettingHasItsDeclaredDefault() {
        Configuration defaults = Configuration.of();
        assertThat(defaults.text("failOnSeverity")).isEqualTo("HIGH");
        assertThat(defaults.texts("formats")).containsExactly("html", "json", "sarif");
        assertThat(defaults.settings().maxServerAgeDays()).isEqualTo(1095);
        assertThat(defaults.ruleOverrides()).isEmpty();
        assertThat(defaults.yaml()).contains("maxServerAgeDays: 1095", "failOnSeverity: HIGH");
    }

    @Test
    void theFileSetsWhatThePomLeavesAndThePomWins() {
        ObjectNode pom = Configuration.layer();
        pom.put("failOnSeverity", "CRITICAL");
        Configuration.put(pom, AuditSettings.DATABASE_TAGS, Map.of("role", "db"));

        Configuration configuration = Configuration.of(fileLayer(), pom);

        assertThat(configuration.text("failOnSeverity")).isEqualTo("CRITICAL");
        assertThat(configuration.texts("inventory")).containsExactly("/inventory");
        assertThat(configuration.settings().maxServerAgeDays()).isEqualTo(730);
        assertThat(configuration.settings().databaseTags()).as("a map from the pom replaces the file's, not merges")
                .containsExactly(Map.entry("role", "db"));
        assertThat(configuration.yaml()).contains("failOnSeverity: CRITICAL", "maxServerAgeDays: 730");
    }

    @Test
    void aRuleSettingFromThePomGoesUnderItsRuleAndKeepsTheFilesOtherChoices() {
        ObjectNode pom = Configuration.layer();
        Configuration.put(pom, StaleServerRule.MAX_SERVER_AGE_DAYS, 400);

        Configuration configuration = Configuration.of(fileLayer(), pom);

        assertThat(configuration.settings().maxServerAgeDays()).isEqualTo(400);
        RuleOverride stale = configuration.ruleOverrides().get("stale-server");
        assertThat(stale.severity()).isEqualTo(Severity.LOW);
        assertThat(stale.enabled()).isTrue();
        assertThat(stale.scope().tags()).containsExactly(Map.entry("env", "prod*"));
        assertThat(configuration.ruleOverrides()).containsOnlyKeys("stale-server");
    }

    @Test
    void aRuleOnlyTunedIsNoOverride() {
        ObjectNode file = Configuration.layer();
        file.putObject("rules").putObject("orphan-stopped").put("stoppedDaysThreshold", 7);
        file.withObject("/rules").putObject("monitoring-no-flow-logs").put("enabled", false);
        file.withObject("/rules").putObject("db-exposed").putObject("scope").putArray("provider").add("aws");

        Configuration configuration = Configuration.of(file);

        assertThat(configuration.ruleOverrides()).containsOnlyKeys("monitoring-no-flow-logs", "db-exposed");
        assertThat(configuration.ruleOverrides().get("monitoring-no-flow-logs").enabled()).isFalse();
        assertThat(configuration.ruleOverrides().get("db-exposed").scope().providers()).isEqualTo(List.of("aws"));
        assertThat(configuration.settings().stoppedDaysThreshold()).isEqualTo(7);
    }
}
