package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.policy.ResourceScope;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.SettingProblem;
import io.github.cloudaudit.source.azure.live.AzureCloud;
import io.github.cloudaudit.source.azure.live.AzureSettings;
import io.github.cloudaudit.source.azure.live.LiveAzureSource;
import org.apache.maven.plugin.MojoExecutionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The {@code azure} section of the effective configuration ({@code cloudaudit.azure.*} in the pom, {@code azure:} in
 * {@code cloud-audit.yml}), checked and turned into the live Azure source.
 */
record AzureParameters(boolean enabled, String tenantId, List<String> subscriptions, String cloud, String endpoint,
                       String metricsEndpoint, int metricsDays) {

    /** The configuration's key for this section. */
    static final String SECTION = "azure";

    /** The section's values; the configuration's defaults give those neither the pom nor the file set. */
    static AzureParameters of(JsonNode azure) {
        return new AzureParameters(azure.path("enabled").asBoolean(), text(azure, "tenantId"),
                ResourceScope.texts(azure.get("subscriptions")), text(azure, "cloud"), text(azure, "endpoint"),
                text(azure, "metricsEndpoint"), azure.path("metricsDays").asInt());
    }

    private static String text(JsonNode section, String key) {
        JsonNode value = section.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    /** The live source, or none when {@code cloudaudit.azure.enabled} is false. */
    List<InventorySource> sources() throws MojoExecutionException {
        if (!enabled) {
            return List.of();
        }
        try {
            List<String> named = subscriptions == null ? List.of()
                    : subscriptions.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            return List.of(new LiveAzureSource(new AzureSettings(tenantId, named,
                    cloud == null ? AzureCloud.AZURE_CLOUD : AzureCloud.named(cloud), url("endpoint", endpoint),
                    url("metricsEndpoint", metricsEndpoint), metricsDays, AzureSettings.DEFAULT_ATTEMPTS,
                    AzureSettings.DEFAULT_CALL_TIMEOUT)));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private static URI url(String key, String value) throws MojoExecutionException {
        if (value == null) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new MojoExecutionException(SettingProblem.message(SECTION, key,
                    "must be a URL, found '" + value + "'"));
        }
    }
}
