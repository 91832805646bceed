package io.github.cloudaudit.rules;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings are declared once, each key once, and read alike from the pom's text and the file's YAML values. */
class SettingTest {

    @Test
    void everySettingKeyIsDeclaredOnceAcrossRulesAndSharedSettings() {
        Set<String> keys = new HashSet<>();
        AuditSettings.SHARED.forEach(s -> assertThat(keys.add(s.key())).as(s.key()).isTrue());
        for (Rule rule : RuleEngine.withBuiltInRules().rules()) {
            rule.settings().forEach(s -> assertThat(keys.add(s.key())).as(rule.metadata().id() + " " + s.key()).isTrue());
        }
        assertThat(keys).contains("maxServerAgeDays", "stoppedDaysThreshold", "requiredTags", "cpuHighPercent",
                "decommissionMarkers", "databaseTags");
    }

    @Test
    void unsetSettingsReadAsTheRulesDefaults() {
        AuditSettings defaults = AuditSettings.defaults();
        assertThat(defaults.maxServerAgeDays()).isEqualTo(1095);
        assertThat(defaults.with(StaleServerRule.MAX_SERVER_AGE_DAYS, 730).maxServerAgeDays()).isEqualTo(730);
        assertThat(defaults.maxServerAgeDays()).as("with() leaves the original alone").isEqualTo(1095);
    }

    @Test
    void integersAcceptNumbersAndTheirTextDownToTheMinimum() {
        Setting<Integer> days = StaleServerRule.MAX_SERVER_AGE_DAYS;
        assertThat(days.parse(1)).isEqualTo(1);
        assertThat(days.parse(" 730 ")).isEqualTo(730);
        assertThatThrownBy(() -> days.parse(0)).hasMessage("maxServerAgeDays: must be at least 1, found 0");
        assertThatThrownBy(() -> days.parse("12.5")).hasMessage("maxServerAgeDays: expected a whole number, found 12.5");
        assertThatThrownBy(() -> days.parse("two years")).hasMessage("maxServerAgeDays: expected a number, found 'two years'");
        assertThat(OrphanStoppedRule.STOPPED_DAYS_THRESHOLD.parse(0)).isZero();
        assertThat(CpuSustainedHighRule.CPU_HIGH_PERCENT.parse(95.5)).isEqualTo(95.5);
    }

    @Test
    void listsAndTagsComeFromYamlOrFromPomText() {
        assertThat(OrphanNoOwnerRule.REQUIRED_TAGS.parse(List.of("owner", " team "))).containsExactly("owner", "team");
        assertThat(OrphanNoOwnerRule.REQUIRED_TAGS.parse("owner, team,")).containsExactly("owner", "team");
        assertThat(AuditSettings.DATABASE_TAGS.parse(List.of("role=database", "db=*")))
                .containsExactly(Map.entry("role", "database"), Map.entry("db", "*"));
        assertThat(AuditSettings.DATABASE_TAGS.parse(Map.of("role", "db"))).containsExactly(Map.entry("role", "db"));
        assertThatThrownBy(() -> AuditSettings.DATABASE_TAGS.parse(List.of("role")))
                .hasMessage("databaseTags: expected key=value (or key=*), found 'role'");
    }
}
