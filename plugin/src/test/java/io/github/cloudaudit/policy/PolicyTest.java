package io.github.cloudaudit.policy;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.Provider;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

    private static Finding in(String account, String region, String id) {
        return new Finding("db-exposed", Severity.HIGH, Provider.AWS, account, region, id, null, "m", List.of(), true,
                Origin.file("f"), List.of(), null);
    }

    @Test
    void aSuppressionNarrowedByAccountRegionAndTagsMatchesOnlyThere() {
        Suppression testAccounts = new Suppression("db-exposed", "*", "test data only", null, "s #1", List.of(),
                List.of("1111*"), List.of("eu-*"), Map.of("env", "test"), "OPS-1");
        Map<String, Map<String, String>> tags = Map.of("db-test", Map.of("env", "test"), "db-prod", Map.of("env", "prod"));
        PolicyResult result = new Policy(Severity.HIGH, List.of(testAccounts), AUDIT_DATE).apply(List.of(
                        in("111122223333", "eu-north-1", "db-test"),
                        in("111122223333", "eu-north-1", "db-prod"),
                        in("999922223333", "eu-north-1", "db-test"),
                        in("111122223333", "us-east-1", "db-test")),
                f -> tags.getOrDefault(f.resourceId(), Map.of()), false);
        assertThat(result.findings()).filteredOn(Finding::suppressed).extracting(Finding::account, Finding::region,
                Finding::resourceId).containsExactly(org.assertj.core.groups.Tuple.tuple("111122223333", "eu-north-1",
                "db-test"));
        assertThat(result.failing()).hasSize(3);
    }

    @Test
    void aSuppressionThatMatchedNothingIsReportedUnused() {
        Suppression used = suppression("db-exposed", "db-1", null);
        Suppression stale = suppression("legacy-os", "gone-*", null);
        Suppression expired = suppression("legacy-os", "db-1", AUDIT_DATE.minusDays(1));
        PolicyResult result = new Policy(Severity.HIGH, List.of(used, stale, expired), AUDIT_DATE)
                .apply(List.of(finding("db-exposed", Severity.HIGH, "db-1", null)));
        assertThat(result.unused()).containsExactly(stale);
        assertThat(result.expired()).containsExactly(expired);
        assertThat(result.passed()).as("expired suppressions only warn by default").isTrue();
    }

    @Test
    void failOnExpiredSuppressionsTurnsTheWarningIntoAFailure() {
        Policy strict = new Policy(Severity.HIGH, List.of(suppression("legacy-os", "x", AUDIT_DATE.minusDays(1))),
                AUDIT_DATE, new Gates(null, true, true), Baseline.NONE);
        PolicyResult result = strict.apply(List.of());
        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).containsExactly("1 suppression(s) expired (failOnExpiredSuppressions)");
    }

    @Test
    void maxFindingsFailsAboveTheCountNotAtIt() {
        List<Finding> three = List.of(finding("legacy-os", Severity.LOW, "i-1", null),
                finding("legacy-os", Severity.LOW, "i-2", null), finding("legacy-os", Severity.INFO, "i-3", null));
        assertThat(new Policy(Severity.CRITICAL, List.of(), AUDIT_DATE, new Gates(3, true, false), Baseline.NONE)
                .apply(three).passed()).isTrue();
        PolicyResult above = new Policy(Severity.CRITICAL, List.of(), AUDIT_DATE, new Gates(2, true, false),
                Baseline.NONE).apply(three);
        assertThat(above.passed()).isFalse();
        assertThat(above.violations()).containsExactly("3 unsuppressed finding(s), more than maxFindings (2)");
        assertThat(new Policy(null, List.of(), AUDIT_DATE, new Gates(0, true, true), Baseline.NONE).apply(three)
                .passed()).as("NONE never fails, whatever the gates").isTrue();
    }

    @Test
    void anIncompleteAuditFailsUnlessToldOtherwiseAndThenItsFindingsDoNotCount() {
        Finding gap = finding("audit-incomplete", Severity.HIGH, "111122223333", null);
        PolicyResult strict = new Policy(Severity.CRITICAL, List.of(), AUDIT_DATE)
                .apply(List.of(gap), f -> Map.of(), true);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.violations()).singleElement().asString().contains("incomplete");

        PolicyResult lenient = new Policy(Severity.HIGH, List.of(), AUDIT_DATE, new Gates(null, false, false),
                Baseline.NONE).apply(List.of(gap), f -> Map.of(), true);
        assertThat(lenient.passed()).isTrue();
        assertThat(lenient.findings()).containsExactly(gap);
    }

    @Test
    void withABaselineOnlyNewFindingsCountAndGoneOnesAreFixed() {
        Finding old = finding("db-exposed", Severity.HIGH, "db-old", null);
        Finding fresh = finding("db-exposed", Severity.HIGH, "db-new", null);
        BaselineEntry fixed = BaselineEntry.of(finding("legacy-os", Severity.HIGH, "i-gone", null));
        Baseline baseline = new Baseline("baseline.yml", List.of(BaselineEntry.of(old), fixed));
        Policy policy = new Policy(Severity.HIGH, List.of(), AUDIT_DATE, Gates.DEFAULTS, baseline);

        assertThat(policy.apply(List.of(old)).passed()).isTrue();
        PolicyResult result = policy.apply(List.of(old, fresh));
        assertThat(result.failing()).containsExactly(fresh);
        assertThat(result.newFindings()).containsExactly(fresh);
        assertThat(result.baseline().stateOf(old)).isEqualTo("existing");
        assertThat(result.baseline().stateOf(fresh)).isEqualTo("new");
        assertThat(result.baseline().fixed()).containsExactly(fixed);
        assertThat(result.countsBySeverity()).as("counts still show everything").containsEntry(Severity.HIGH, 2L);
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
