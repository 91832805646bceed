package io.github.cloudaudit.policy;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.Provider;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);

    private static Finding finding(String rule, Severity severity, String id, String name) {
        return new Finding(rule, severity, Provider.AWS, "123456789012", "eu-north-1", id, name, "message",
                List.of(), true, Origin.file("inventory.json"), List.of(), null);
    }

    private static Suppression suppression(String rule, String resource, LocalDate expires) {
        return new Suppression(rule, resource, "accepted for now", expires, "suppressions.yaml suppression #1");
    }

    @Test
    void failsOnUnsuppressedFindingsAtOrAboveTheThreshold() {
        PolicyResult result = new Policy(Severity.HIGH, List.of(), AUDIT_DATE).apply(List.of(
                finding("db-exposed", Severity.HIGH, "db-1", null),
                finding("orphan-no-owner", Severity.MEDIUM, "i-1", null)));
        assertThat(result.passed()).isFalse();
        assertThat(result.failing()).extracting(Finding::ruleId).containsExactly("db-exposed");
    }

    @Test
    void noneNeverFails() {
        PolicyResult result = new Policy(Policy.threshold("none"), List.of(), AUDIT_DATE)
                .apply(List.of(finding("risk-forgotten-database", Severity.CRITICAL, "i-1", null)));
        assertThat(result.passed()).isTrue();
        assertThat(result.countsBySeverity()).containsEntry(Severity.CRITICAL, 1L);
    }

    @Test
    void aSuppressionMatchesRuleAndResourceGlobsOnIdOrName() {
        Policy policy = new Policy(Severity.LOW, List.of(suppression("monitoring-*", "WEB-*", null)), AUDIT_DATE);
        PolicyResult result = policy.apply(List.of(
                finding("monitoring-no-agent", Severity.LOW, "i-0abc", "web-1"),
                finding("monitoring-no-agent", Severity.LOW, "i-0def", "db-1"),
                finding("legacy-os", Severity.LOW, "i-0abc", "web-1")));
        assertThat(result.findings()).filteredOn(Finding::suppressed)
                .extracting(Finding::resourceName, Finding::ruleId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web-1", "monitoring-no-agent"));
        assertThat(result.suppressedCount()).isEqualTo(1);
        assertThat(result.countsBySeverity()).containsEntry(Severity.LOW, 2L);
    }

    @Test
    void aSuppressionAppliesThroughItsExpiryDayAndNotAfter() {
        Finding exposed = finding("db-exposed", Severity.HIGH, "db-1", null);
        Policy onTheDay = new Policy(Severity.HIGH, List.of(suppression("db-exposed", "db-1", AUDIT_DATE)), AUDIT_DATE);
        assertThat(onTheDay.apply(List.of(exposed)).passed()).isTrue();

        Policy dayAfter = new Policy(Severity.HIGH, List.of(suppression("db-exposed", "db-1", AUDIT_DATE.minusDays(1))),
                AUDIT_DATE);
        PolicyResult result = dayAfter.apply(List.of(exposed));
        assertThat(result.passed()).isFalse();
        assertThat(result.expired()).hasSize(1);
    }

    @Test
    void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
        assertThat(Policy.glob("a.b*").matcher("a.bcd").matches()).isTrue();
        assertThat(Policy.glob("a.b*").matcher("axbcd").matches()).isFalse();
        assertThat(Policy.glob("i-?").matcher("i-1").matches()).isTrue();
    }

    @Test
    void anUnknownThresholdNamesTheValidOnes() {
        assertThatThrownBy(() -> Policy.threshold("SEVERE")).hasMessageContaining("CRITICAL, HIGH, MEDIUM, LOW, INFO");
    }
}
