package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.PERSONAL_DATA;
import static io.github.cloudaudit.rules.Fixtures.findings;
import static io.github.cloudaudit.rules.Fixtures.singleFinding;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.Fixtures.norwegian;
import static io.github.cloudaudit.rules.Fixtures.norwegianEvidence;
import static org.assertj.core.api.Assertions.assertThat;

class LegacyInstanceGenerationRuleTest {

    private final LegacyInstanceGenerationRule rule = new LegacyInstanceGenerationRule();

    private static Server.Builder azure(String size) {
        return healthyServer("vm-1").provider(Provider.AZURE).type(size);
    }

    @Test
    void aCurrentGenerationTypePasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void aPreviousGenerationTypeIsReportedWithItsFamily() {
        Finding finding = singleFinding(rule, healthyServer("i-1").type("m3.large"));

        assertThat(finding.ruleId()).isEqualTo("legacy-instance-generation");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-1 runs on m3.large, from the previous-generation Amazon "
                + "EC2 instance families: AWS still runs it but recommends a current-generation type, which is "
                + "faster and usually cheaper.");
        assertThat(finding.evidence()).contains("type: m3.large");
    }

    @Test
    void aDatabaseHostRaisesItOneStepAndPersonalDataOneMore() {
        Server.Builder old = healthyServer("i-1").type("m4.xlarge");

        assertThat(singleFinding(rule, tagged(old, DATABASE_HOST)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(singleFinding(rule, tagged(old, DATABASE_HOST, PERSONAL_DATA)).severity())
                .isEqualTo(Severity.HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1.micro", "M3.LARGE", "c4.8xlarge", "r4.large", "i2.xlarge", "a1.medium",
            "p3dn.24xlarge", "g3s.xlarge", "cc2.8xlarge", "hs1.8xlarge", "db.m4.large", "db.t2.micro", "db.r3.xlarge"})
    void previousGenerationAwsTypesAreRecognized(String type) {
        assertThat(findings(rule, healthyServer("i-1").type(type))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t2.micro", "t3.small", "m5.large", "m7i-flex.large", "c5.xlarge", "r5.large",
            "i3.large", "d2.xlarge", "x1.16xlarge", "db.t3.micro", "db.m5.large", "db.r6g.large", "m3", "mac1.metal"})
    void currentAwsTypesPass(String type) {
        assertThat(findings(rule, healthyServer("i-1").type(type))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic_A1", "Standard_A0", "Standard_A11", "standard_d14", "Standard_DS3", "Standard_D1",
            "Standard_G5", "Standard_GS4-8", "Standard_L32s", "Standard_NC24r", "Standard_NV6_Promo",
            "Standard_NC6s_v2", "Standard_ND24rs", "Standard_NC12s_v3", "Standard_HB60-15rs"})
    void retiredAzureSizesAreRecognized(String size) {
        assertThat(findings(rule, azure(size))).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("runs on " + size + ", from the "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Standard_A1_v2", "Standard_A2m_v2", "Standard_D2_v2", "Standard_DS14_v2",
            "Standard_D2s_v5", "Standard_B2s", "Standard_L8s_v3", "Standard_NC4as_T4_v3", "Standard_E4s_v5",
            "Standard_D15_v2", "Standard_A12"})
    void currentAzureSizesPass(String size) {
        assertThat(findings(rule, azure(size))).isEmpty();
    }

    @Test
    void familiesOnlyMatchTheirOwnCloud() {
        assertThat(findings(rule, azure("m3.large"))).isEmpty();
        assertThat(findings(rule, healthyServer("i-1").type("Standard_A1"))).isEmpty();
    }

    @Test
    void aMissingTypeIsNotReported() {
        assertThat(findings(rule, healthyServer("i-1").type(null))).isEmpty();
    }

    @Test
    void theNorwegianReportNamesTheFamilyAndWhatTheProviderSays() {
        assertThat(norwegian(singleFinding(rule, healthyServer("i-1").type("m3.large")))).isEqualTo("web-i-1 kjører på "
                + "m3.large, som hører til eldre generasjoner av instansfamilier i Amazon EC2: AWS kjører den "
                + "fortsatt, men anbefaler en type av gjeldende generasjon, som er raskere og som regel billigere.");
        assertThat(norwegianEvidence(singleFinding(rule, healthyServer("i-1").type("m3.large"))))
                .contains("instanstype: m3.large", "familie: eldre generasjoner av instansfamilier i Amazon EC2");
    }
}
