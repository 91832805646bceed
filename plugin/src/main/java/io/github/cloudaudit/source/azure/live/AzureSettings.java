package io.github.cloudaudit.source.azure.live;

import io.github.cloudaudit.source.SettingProblem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to read Azure live.
 *
 * @param tenantId        the tenant whose subscriptions to read, null for the credential's own
 * @param subscriptions   subscription ids to read; empty for every subscription the identity can read
 * @param cloud           the national cloud
 * @param endpoint        Resource Manager's base URL (a private endpoint, a test server), null for the cloud's own
 * @param metricsEndpoint Azure Monitor's metrics base URL, null for the region's own
 * @param metricsDays     how many days of CPU to read
 * @param maxAttempts     attempts per call; a 429 waits as long as Retry-After or the quota headers say
 * @param callTimeout     the longest one attempt may wait for its answer
 */
public record AzureSettings(String tenantId, List<String> subscriptions, AzureCloud cloud, URI endpoint,
                            URI metricsEndpoint, int metricsDays, int maxAttempts, Duration callTimeout) {

    private static final Pattern GUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOMAIN = Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+");

    public static final int DEFAULT_METRICS_DAYS = 14;
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public AzureSettings {
        subscriptions = List.copyOf(subscriptions);
        require(tenantId == null || GUID.matcher(tenantId).matches() || DOMAIN.matcher(tenantId).matches(), "tenantId",
                "is '" + tenantId + "', which is neither a tenant id (a GUID) nor a domain such as "
                        + "contoso.onmicrosoft.com");
        for (String subscription : subscriptions) {
            require(GUID.matcher(subscription).matches(), "subscriptions", "has '" + subscription
                    + "', which is not a subscription id such as 3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813");
        }
        require(endpoint == null || isHttps(endpoint), "endpoint",
                "must be an https URL such as https://management.azure.com, found " + endpoint);
        require(metricsEndpoint == null || isHttps(metricsEndpoint), "metricsEndpoint",
                "must be an https URL such as https://westeurope.metrics.monitor.azure.com, found "
                        + metricsEndpoint);
        // Azure Monitor keeps platform metrics for 93 days.
        require(metricsDays >= 1 && metricsDays <= 93, "metricsDays", "must be 1 to 93, found " + metricsDays);
        require(maxAttempts >= 1, "maxAttempts", "must be at least 1");
    }

    /** Defaults for everything but tenant, subscriptions and endpoints. */
    public static AzureSettings of(String tenantId, List<String> subscriptions, AzureCloud cloud, URI endpoint,
                                   URI metricsEndpoint) {
        return new AzureSettings(tenantId, subscriptions, cloud, endpoint, metricsEndpoint, DEFAULT_METRICS_DAYS,
                DEFAULT_ATTEMPTS, DEFAULT_CALL_TIMEOUT);
    }

    public AzureSettings withMaxAttempts(int attempts) {
        return new AzureSettings(tenantId, subscriptions, cloud, endpoint, metricsEndpoint, metricsDays, attempts,
                callTimeout);
    }

    public AzureSettings withCallTimeout(Duration timeout) {
        return new AzureSettings(tenantId, subscriptions, cloud, endpoint, metricsEndpoint, metricsDays, maxAttempts,
                timeout);
    }

    /**
     * The tenant id when one is set as an id; null for none and for a domain name, which subscriptions do not carry
     * (they name their tenant by id).
     */
    public String tenantGuid() {
        return tenantId != null && GUID.matcher(tenantId).matches() ? tenantId : null;
    }

    /** Resource Manager's base URL, without a trailing slash. */
    public String resourceManager() {
        String url = (endpoint != null ? endpoint : cloud.resourceManager()).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Azure Monitor's metrics base URL for servers of a region. */
    public URI metricsEndpoint(String region) {
        return metricsEndpoint != null ? metricsEndpoint : cloud.metricsEndpoint(region);
    }

    private static boolean isHttps(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null;
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw SettingProblem.of("azure", key, problem);
        }
    }
}
