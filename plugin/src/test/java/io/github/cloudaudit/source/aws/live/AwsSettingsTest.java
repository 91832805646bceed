package io.github.cloudaudit.source.aws.live;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings refuse what cannot work, naming the setting as the pom and the configuration file spell it. */
class AwsSettingsTest {

    private static AwsSettings regions(String... regions) {
        return AwsSettings.of(null, List.of(regions), List.of(), null, null);
    }

    private static AwsSettings roles(String... roleArns) {
        return AwsSettings.of(null, List.of(), List.of(roleArns), null, null);
    }

    private static AwsSettings metricsDays(int days) {
        return new AwsSettings(null, List.of(), List.of(), null, null, AwsSettings.DEFAULT_CONCURRENCY, days,
                AwsSettings.DEFAULT_ATTEMPTS, AwsSettings.DEFAULT_CALL_TIMEOUT, null);
    }

    @Test
    void regionsAreNamedAsAwsNamesThemInEveryPartition() {
        assertThat(regions("eu-north-1", "us-gov-west-1", "cn-northwest-1", "us-isob-east-1").regions()).hasSize(4);
        assertThatThrownBy(() -> regions("eu-north-1a")).hasMessage("cloudaudit.aws.regions (aws.regions in the "
                + "configuration file) has 'eu-north-1a', which is not a region such as eu-north-1");
        assertThatThrownBy(() -> regions("EU-north-1")).hasMessageContaining("'EU-north-1'");
        assertThatThrownBy(() -> regions("eu-north")).hasMessageContaining("'eu-north'");
        assertThatThrownBy(() -> regions("eu-north-1", "Stockholm")).hasMessageContaining("'Stockholm'");
    }

    @Test
    void rolesAreRoleArnsOfATwelveDigitAccount() {
        assertThat(roles("arn:aws:iam::123456789012:role/audit", "arn:aws-cn:iam::123456789012:role/team/audit")
                .roleArns()).hasSize(2);
        assertThatThrownBy(() -> roles("arn:aws:iam::12345678901:role/audit"))
                .hasMessageStartingWith("cloudaudit.aws.roleArns (aws.roleArns in the configuration file) has "
                        + "'arn:aws:iam::12345678901:role/audit', which is not a role ARN");
        assertThatThrownBy(() -> roles("arn:aws:iam::123456789012:user/audit")).hasMessageContaining("user/audit");
        assertThatThrownBy(() -> roles("audit")).hasMessageContaining("'audit'");
    }

    @Test
    void concurrencyIsOneToSixtyFour() {
        AwsSettings settings = regions();
        assertThat(settings.withMaxConcurrency(1).maxConcurrency()).isEqualTo(1);
        assertThat(settings.withMaxConcurrency(64).maxConcurrency()).isEqualTo(64);
        assertThatThrownBy(() -> settings.withMaxConcurrency(0)).hasMessage("cloudaudit.aws.maxConcurrency "
                + "(aws.maxConcurrency in the configuration file) must be 1 to 64, found 0");
        assertThatThrownBy(() -> settings.withMaxConcurrency(65)).hasMessageEndingWith("must be 1 to 64, found 65");
    }

    @Test
    void metricsDaysAreWhatCloudWatchKeepsHourly() {
        assertThat(metricsDays(1).metricsDays()).isEqualTo(1);
        assertThat(metricsDays(455).metricsDays()).isEqualTo(455);
        assertThatThrownBy(() -> metricsDays(0)).hasMessage("cloudaudit.aws.metricsDays (aws.metricsDays in the "
                + "configuration file) must be 1 to 455, found 0");
        assertThatThrownBy(() -> metricsDays(456)).hasMessageEndingWith("must be 1 to 455, found 456");
    }

    @Test
    void anEndpointNeedsASchemeAndAHostAndAnAggregatorAName() {
        assertThat(AwsSettings.of(null, List.of(), List.of(), null, URI.create("http://127.0.0.1:5000")).endpoint())
                .hasHost("127.0.0.1");
        assertThatThrownBy(() -> AwsSettings.of(null, List.of(), List.of(), null, URI.create("localhost:4566")))
                .hasMessageStartingWith("cloudaudit.aws.endpoint (aws.endpoint in the configuration file) must be a "
                        + "URL such as https://");
        assertThat(regions().withConfigAggregator("org").configAggregator()).isEqualTo("org");
        assertThatThrownBy(() -> regions().withConfigAggregator(" ")).hasMessage("cloudaudit.aws.configAggregator "
                + "(aws.configAggregator in the configuration file) must not be blank");
    }
}
