package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.source.InventorySource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Collection;
import java.util.List;

/** The goals that can read clouds live: the live sources' parameters, declared once. */
abstract class LiveSourceMojo extends AbstractMojo {

    // Live AWS: see docs/live-aws.md.

    /** Read AWS accounts live with the SDK, besides any inventory files. */
    @Parameter(property = "cloudaudit.aws.enabled")
    private Boolean awsEnabled;

    /** A named AWS profile; default: the SDK's credentials chain (environment, profiles, SSO, web identity, roles). */
    @Parameter(property = "cloudaudit.aws.profile")
    private String awsProfile;

    /** Regions to read; default: every region the account has enabled. */
    @Parameter(property = "cloudaudit.aws.regions")
    private List<String> awsRegions;

    /** Roles to assume, one per account to audit; default: the credentials' own account. */
    @Parameter(property = "cloudaudit.aws.roleArns")
    private List<String> awsRoleArns;

    /** The external id the roles require. */
    @Parameter(property = "cloudaudit.aws.externalId")
    private String awsExternalId;

    /** One endpoint for every service: moto, LocalStack, a VPC or FIPS endpoint. */
    @Parameter(property = "cloudaudit.aws.endpoint")
    private String awsEndpoint;

    /** How many account-region pairs are read at once; lower it to lower the request rate. Default: 4. */
    @Parameter(property = "cloudaudit.aws.maxConcurrency")
    private Integer awsMaxConcurrency;

    /** Days of CPU utilization to read. Default: 14. */
    @Parameter(property = "cloudaudit.aws.metricsDays")
    private Integer awsMetricsDays;

    /**
     * An AWS Config aggregator that gives instances, DB instances, security groups and volumes of every account and
     * region in one query, instead of calling each; see docs/live-aws.md for what it cannot give.
     */
    @Parameter(property = "cloudaudit.aws.configAggregator")
    private String awsConfigAggregator;

    /**
     * What the pom (or -D) sets for the live sources, as a configuration layer. The parameters have no Maven
     * default, so an unset one leaves the configuration file's value; the defaults live in {@link Configuration}.
     */
    ObjectNode liveSourceLayer() {
        ObjectNode aws = Configuration.layer();
        putIfSet(aws, "enabled", awsEnabled);
        putIfSet(aws, "profile", awsProfile);
        putIfSet(aws, "regions", awsRegions);
        putIfSet(aws, "roleArns", awsRoleArns);
        putIfSet(aws, "externalId", awsExternalId);
        putIfSet(aws, "endpoint", awsEndpoint);
        putIfSet(aws, "maxConcurrency", awsMaxConcurrency);
        putIfSet(aws, "metricsDays", awsMetricsDays);
        putIfSet(aws, "configAggregator", awsConfigAggregator);
        ObjectNode layer = Configuration.layer();
        if (!aws.isEmpty()) {
            layer.set(AwsParameters.SECTION, aws);
        }
        return layer;
    }

    private static void putIfSet(ObjectNode section, String key, Object value) {
        if (!unset(value)) {
            section.set(key, Configuration.tree(value));
        }
    }

    /** Whether the pom left a parameter unset, so the configuration file's value or the default applies. */
    static boolean unset(Object value) {
        // Maven injects an empty list for a list parameter nobody set; a blank text is unset too.
        return value == null || value instanceof Collection<?> list && list.isEmpty()
                || value instanceof String text && text.isBlank();
    }

    /** The live sources the configuration switches on; none by default. */
    static List<InventorySource> liveSources(Configuration configuration) throws MojoExecutionException {
        return AwsParameters.of(configuration.section(AwsParameters.SECTION)).sources();
    }
}
