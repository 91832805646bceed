package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.policy.ResourceScope;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.SettingProblem;
import io.github.cloudaudit.source.aws.live.AwsSettings;
import io.github.cloudaudit.source.aws.live.LiveAwsSource;
import org.apache.maven.plugin.MojoExecutionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The {@code aws} section of the effective configuration ({@code cloudaudit.aws.*} in the pom, {@code aws:} in
 * {@code cloud-audit.yml}), checked and turned into the live AWS source.
 */
record AwsParameters(boolean enabled, String profile, List<String> regions, List<String> roleArns, String externalId,
                     String endpoint, int maxConcurrency, int metricsDays, String configAggregator) {

    /** The configuration's key for this section. */
    static final String SECTION = "aws";

    /** The section's values; the configuration's defaults give those neither the pom nor the file set. */
    static AwsParameters of(JsonNode aws) {
        return new AwsParameters(aws.path("enabled").asBoolean(), text(aws, "profile"),
                ResourceScope.texts(aws.get("regions")), ResourceScope.texts(aws.get("roleArns")),
                text(aws, "externalId"), text(aws, "endpoint"), aws.path("maxConcurrency").asInt(),
                aws.path("metricsDays").asInt(), text(aws, "configAggregator"));
    }

    private static String text(JsonNode section, String key) {
        JsonNode value = section.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The live source, or none when {@code cloudaudit.aws.enabled} is false. */
    List<InventorySource> sources() throws MojoExecutionException {
        if (!enabled) {
            return List.of();
        }
        try {
            return List.of(new LiveAwsSource(new AwsSettings(blankToNull(profile), trimmed(regions), trimmed(roleArns),
                    blankToNull(externalId), endpointUri(), maxConcurrency, metricsDays, AwsSettings.DEFAULT_ATTEMPTS,
                    AwsSettings.DEFAULT_CALL_TIMEOUT, blankToNull(configAggregator))));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private URI endpointUri() throws MojoExecutionException {
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        try {
            return new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new MojoExecutionException(SettingProblem.message(SECTION, "endpoint",
                    "must be a URL, found '" + endpoint + "'"));
        }
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
