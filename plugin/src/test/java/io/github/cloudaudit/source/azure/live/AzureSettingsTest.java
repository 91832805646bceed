package io.github.cloudaudit.source.azure.live;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings refuse what cannot work, naming the parameter; the cloud gives the endpoints a setting leaves open. */
class AzureSettingsTest {

    private static final String SUBSCRIPTION = "3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813";

    private static AzureSettings settings(String tenant, URI endpoint, int metricsDays) {
        return new AzureSettings(tenant, List.of(SUBSCRIPTION), AzureCloud.AZURE_CLOUD, endpoint, null, metricsDays,
                AzureSettings.DEFAULT_ATTEMPTS, AzureSettings.DEFAULT_CALL_TIMEOUT);
    }

    @Test
    void tenantsAreIdsOrDomains() {
        assertThat(settings("contoso.onmicrosoft.com", null, 14).tenantId()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(settings("7C4F2A10-3B8E-4D21-9F6A-0E5D4C3B2A19", null, 14).tenantId()).isNotNull();
        assertThatThrownBy(() -> settings("contoso", null, 14)).hasMessageStartingWith(
                "cloudaudit.azure.tenantId (azure.tenantId in the configuration file) is 'contoso', which is neither");
    }

    @Test
    void endpointsMustBeHttpsAsBearerTokensGoOnlyThere() {
        assertThatThrownBy(() -> settings(null, URI.create("http://127.0.0.1:8080"), 14))
                .hasMessageStartingWith(
                        "cloudaudit.azure.endpoint (azure.endpoint in the configuration file) must be an https URL");
        assertThat(settings(null, URI.create("https://127.0.0.1:8443/"), 14).resourceManager())
                .isEqualTo("https://127.0.0.1:8443");
        assertThat(settings(null, null, 14).resourceManager()).isEqualTo("https://management.azure.com");
    }

    @Test
    void metricsDaysAreWhatAzureMonitorKeeps() {
        assertThat(settings(null, null, 93).metricsDays()).isEqualTo(93);
        assertThat(settings(null, null, 1).metricsDays()).isEqualTo(1);
        assertThatThrownBy(() -> settings(null, null, 94)).hasMessage(
                "cloudaudit.azure.metricsDays (azure.metricsDays in the configuration file) must be 1 to 93, found 94");
        assertThatThrownBy(() -> settings(null, null, 0)).hasMessageEndingWith("must be 1 to 93, found 0");
    }

    @Test
    void eachCloudHasItsOwnEndpointsAndScopes() {
        assertThat(AzureCloud.named("azureusgovernment")).isEqualTo(AzureCloud.AZURE_US_GOVERNMENT);
        assertThat(AzureCloud.AZURE_CHINA_CLOUD.metricsEndpoint("ChinaNorth3"))
                .isEqualTo(URI.create("https://chinanorth3.metrics.monitor.azure.cn"));
        assertThat(AzureCloud.AZURE_CLOUD.metricsScope()).isEqualTo("https://metrics.monitor.azure.com/.default");
        assertThat(AzureCloud.AZURE_US_GOVERNMENT.resourceManagerScope())
                .isEqualTo("https://management.core.usgovcloudapi.net//.default");
        assertThat(settings(null, null, 14).metricsEndpoint("westeurope"))
                .isEqualTo(URI.create("https://westeurope.metrics.monitor.azure.com"));
        assertThatThrownBy(() -> AzureCloud.named("AzureGermanCloud")).hasMessage("cloudaudit.azure.cloud "
                + "(azure.cloud in the configuration file) is 'AzureGermanCloud', which is none of AzureCloud, "
                + "AzureUSGovernment, AzureChinaCloud");
    }

    @Test
    void instanceDiscoveryIsOnlyForMicrosoftsOwnAuthorities() {
        assertThat(AzureCloud.isMicrosoftAuthority(URI.create("https://login.microsoftonline.com/"))).isTrue();
        assertThat(AzureCloud.isMicrosoftAuthority(URI.create("https://LOGIN.MICROSOFTONLINE.US"))).isTrue();
        assertThat(AzureCloud.isMicrosoftAuthority(URI.create("https://login.windows.net"))).isTrue();
        assertThat(AzureCloud.isMicrosoftAuthority(URI.create("https://127.0.0.1:8443"))).isFalse();
        assertThat(AzureCloud.isMicrosoftAuthority(URI.create("https://login.microsoftonline.com.example.org")))
                .isFalse();
    }

    @Test
    void theQuotaResetIsReadAsHoursMinutesAndSeconds() {
        assertThat(ResourceGraphQuota.duration("00:00:03")).isEqualTo(Duration.ofSeconds(3));
        assertThat(ResourceGraphQuota.duration("00:00:04.25")).isEqualTo(Duration.ofMillis(4250));
        assertThat(ResourceGraphQuota.duration("00:02:00")).as("a window is seconds long: longer waits are capped")
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(ResourceGraphQuota.duration("999:00:00")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ResourceGraphQuota.duration("soon")).isNull();
        assertThat(ResourceGraphQuota.duration(null)).isNull();
    }
}
