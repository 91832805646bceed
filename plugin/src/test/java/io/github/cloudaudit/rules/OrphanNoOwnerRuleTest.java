package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.PERSONAL_DATA;
import static io.github.cloudaudit.rules.Fixtures.findings;
import static io.github.cloudaudit.rules.Fixtures.singleFinding;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.RuleTestSupport.context;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static io.github.cloudaudit.rules.Fixtures.norwegian;
import static io.github.cloudaudit.rules.Fixtures.norwegianEvidence;
import static org.assertj.core.api.Assertions.assertThat;

class OrphanNoOwnerRuleTest {

    private final OrphanNoOwnerRule rule = new OrphanNoOwnerRule();

    private static Server.Builder unowned() {
        return healthyServer("i-1").tags(Map.of("Name", "web-i-1"));
    }

    @Test
    void anOwnedServerPasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void tagKeysAreComparedIgnoringCase() {
        assertThat(findings(rule, healthyServer("i-1").tags(Map.of("OWNER", "team-web")))).isEmpty();
    }

    @Test
    void aServerWithoutTheOwnerTagIsReported() {
        Finding finding = singleFinding(rule, unowned());

        assertThat(finding.ruleId()).isEqualTo("orphan-no-owner");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-1 lacks the required tag owner, so nobody is on record "
                + "as responsible for it.");
        assertThat(finding.evidence()).contains("tag owner is missing", "tags present: Name");
    }

    @Test
    void aBlankOwnerCountsAsMissing() {
        Finding finding = singleFinding(rule, healthyServer("i-1").tags(Map.of("Owner", "  ")));

        assertThat(finding.evidence()).contains("tag owner is present but empty");
    }

    @Test
    void aDatabaseHostRaisesItOneStepAndPersonalDataOneMore() {
        assertThat(singleFinding(rule, tagged(unowned(), DATABASE_HOST)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(singleFinding(rule, tagged(unowned(), DATABASE_HOST, PERSONAL_DATA)).severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void everyMissingRequiredTagIsListed() {
        AuditSettings settings = AuditSettings.defaults().withRequiredTags(List.of("owner", "cost-center", "env"));
        Server server = healthyServer("i-1").tags(Map.of("Owner", "team-web")).build();

        List<Finding> findings = rule.evaluate(context(watchedInventory(server), settings), List.of());

        assertThat(findings).singleElement().satisfies(finding -> assertThat(finding.message())
                .startsWith("web-i-1 lacks the required tags cost-center and env,"));
    }

    @Test
    void aServerWithoutAnyTagsSaysSo() {
        assertThat(singleFinding(rule, healthyServer("i-1").tags(Map.of())).evidence())
                .contains("the server has no tags at all");
    }

    @Test
    void noRequiredTagsMeansNothingToReport() {
        Server server = unowned().build();
        AuditSettings settings = AuditSettings.defaults().withRequiredTags(List.of());

        assertThat(rule.evaluate(context(watchedInventory(server), settings), List.of())).isEmpty();
    }

    @Test
    void theNorwegianReportNamesTheMissingTag() {
        Finding finding = singleFinding(rule, unowned());

        assertThat(norwegian(finding)).isEqualTo("web-i-1 mangler den påkrevde taggen owner, så ingen står oppført som "
                + "ansvarlig for den.");
        assertThat(norwegianEvidence(finding)).contains("taggen owner mangler");
    }
}
