package io.github.cloudaudit.mojo;

import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.aws.live.AwsSettings;
import io.github.cloudaudit.source.aws.live.LiveAwsSource;
import org.apache.maven.plugin.MojoExecutionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The {@code cloudaudit.aws.*} parameters, checked and turned into the live AWS source. A goal declares the fields
 * Maven injects, as one block, and hands their values here.
 */
record AwsParameters(boolean enabled, String profile, List<String> regions, List<String> roleArns, String externalId,
                     String endpoint, int maxConcurrency, int metricsDays, String configAggregator) {

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
            throw new MojoExecutionException("cloudaudit.aws.endpoint must be a URL, found '" + endpoint + "'");
        }
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
