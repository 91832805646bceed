package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.SourceFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.MonitoringTestSupport.SUBSCRIPTION;
import static io.github.cloudaudit.rules.RuleTestSupport.ACCOUNT;
import static io.github.cloudaudit.rules.RuleTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Every coverage gap is a HIGH finding, so a partial audit never passes as a clean one. */
class AuditIncompleteRuleTest {

    private static final CoverageGap DENIED_INSTANCES =
            new CoverageGap(Provider.AWS, ACCOUNT, "us-east-1", "ec2:DescribeInstances", "AccessDenied");

    @Test
    void aDeniedCallSaysWhatWasNotAudited() {
        assertThat(run(new AuditIncompleteRule(), withGaps(DENIED_INSTANCES))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("audit-incomplete");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.verified()).isTrue();
            assertThat(f.provider()).isEqualTo(Provider.AWS);
            assertThat(f.account()).isEqualTo(ACCOUNT);
            assertThat(f.region()).isEqualTo("us-east-1");
            assertThat(f.resourceId()).isEqualTo("aws/" + ACCOUNT + "/us-east-1/ec2:DescribeInstances");
            assertThat(f.related()).isEmpty();
            assertThat(f.message()).isEqualTo("ec2:DescribeInstances in account " + ACCOUNT
                    + " region us-east-1 was denied (AccessDenied): servers there were not audited.");
            assertThat(f.evidence()).contains("missing: ec2:DescribeInstances", "reason: AccessDenied");
        });
    }

    @Test
    void aSubscriptionWideGapThatWasNotADenialSaysItCouldNotBeCollected() {
        CoverageGap gap = new CoverageGap(Provider.AZURE, SUBSCRIPTION, null, "az security pricing list",
                "the export file is missing");

        assertThat(run(new AuditIncompleteRule(), withGaps(gap))).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("azure/" + SUBSCRIPTION + "/az security pricing list");
            assertThat(f.message()).isEqualTo("az security pricing list in subscription " + SUBSCRIPTION
                    + " could not be collected (the export file is missing): whether threat detection is on "
                    + "there is unknown.");
        });
    }

    @Test
    void oneFindingPerGapWithDistinctFingerprints() {
        CoverageGap databases = new CoverageGap(Provider.AWS, ACCOUNT, "us-east-1", "rds:DescribeDBInstances",
                "AccessDenied");

        List<Finding> findings = run(new AuditIncompleteRule(), withGaps(DENIED_INSTANCES, databases));

        assertThat(findings).hasSize(2);
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
        assertThat(findings.get(1).message()).endsWith("managed databases there were not audited.");
    }

    @Test
    void skippedFilesAndACompleteInventoryGiveNothing() {
        Inventory inventory = new Inventory(List.of(), List.of(), List.of(), List.of(),
                List.of(new SourceFile("notes/readme.json", null, "not a known inventory format")));

        assertThat(run(new AuditIncompleteRule(), inventory)).isEmpty();
    }

    @Test
    void isACoverageRuleAtHigh() {
        assertThat(AuditIncompleteRule.METADATA.category()).isEqualTo(Category.COVERAGE);
        assertThat(AuditIncompleteRule.METADATA.severity()).isEqualTo(Severity.HIGH);
    }

    private static Inventory withGaps(CoverageGap... gaps) {
        return new Inventory(List.of(), List.of(), List.of(), List.of(gaps), List.of());
    }

    @Test
    void theNorwegianReportSaysWhatWasDeniedWhereAndWhatItLeftUnaudited() {
        assertThat(run(new AuditIncompleteRule(), withGaps(DENIED_INSTANCES))).singleElement().satisfies(f -> {
            assertThat(Fixtures.norwegian(f)).isEqualTo("ec2:DescribeInstances i konto " + ACCOUNT
                    + " region us-east-1 ble nektet (AccessDenied): serverne der ble ikke revidert.");
            assertThat(RuleTexts.resourceName("nb", f)).isEqualTo("konto " + ACCOUNT + " region us-east-1");
            assertThat(f.resourceName()).isEqualTo("account " + ACCOUNT + " region us-east-1");
        });
        CoverageGap gap = new CoverageGap(Provider.AZURE, SUBSCRIPTION, null, "az security pricing list", null);
        assertThat(run(new AuditIncompleteRule(), withGaps(gap))).singleElement().satisfies(f -> {
            assertThat(Fixtures.norwegian(f)).isEqualTo("az security pricing list i abonnement " + SUBSCRIPTION
                    + " kunne ikke hentes: det er ukjent om trusseldeteksjon er slått på der.");
            assertThat(Fixtures.norwegianEvidence(f)).contains("årsak: ikke oppgitt");
        });
    }
}
