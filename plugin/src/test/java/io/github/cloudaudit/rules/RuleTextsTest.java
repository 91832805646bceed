package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTextsTest {

    private final List<RuleMetadata> rules = RuleEngine.withBuiltInRules().rules().stream().map(Rule::metadata).toList();

    @Test
    void everyBuiltInRuleIsToldInNorwegianWithItsIdCategoryAndSeverityKept() {
        for (RuleMetadata english : rules) {
            RuleMetadata norwegian = RuleTexts.in("nb", english);
            assertThat(norwegian.title()).as(english.id() + ".title").isNotBlank().isNotEqualTo(english.title());
            assertThat(norwegian.rationale()).as(english.id() + ".rationale").isNotBlank()
                    .isNotEqualTo(english.rationale());
            assertThat(norwegian.remediation()).as(english.id() + ".remediation").isNotBlank()
                    .isNotEqualTo(english.remediation());
            assertThat(norwegian).extracting(RuleMetadata::id, RuleMetadata::category, RuleMetadata::severity,
                    RuleMetadata::references).containsExactly(english.id(), english.category(), english.severity(),
                    english.references());
        }
    }

    @Test
    void theIncidentResponseIsToldInNorwegianWithTheDeadlineAndTheAuthority() {
        assertThat(RuleTexts.in("nb", ThreatCryptominingRule.METADATA).remediation())
                .contains("isoler serveren", "GDPR artikkel 33", "Datatilsynet", "72 timer", "artikkel 34");
    }

    @Test
    void englishAndRulesTheBundleDoesNotKnowKeepTheirOwnTexts() {
        RuleMetadata custom = new RuleMetadata("custom-rule", "A rule of our own", Category.RISK, Severity.LOW,
                "Why.", "What.", List.of());

        assertThat(RuleTexts.in("nb", custom)).isEqualTo(custom);
        assertThat(RuleTexts.in("en", ForgottenDatabaseRule.METADATA)).isEqualTo(ForgottenDatabaseRule.METADATA);
    }
}
