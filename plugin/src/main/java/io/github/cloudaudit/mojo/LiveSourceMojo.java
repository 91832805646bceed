package io.github.cloudaudit.mojo;

import io.github.cloudaudit.source.InventorySource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The goals that can read clouds live: the live sources' parameters, declared once. */
abstract class LiveSourceMojo extends AbstractMojo {

    // Live AWS: see docs/live-aws.md.

    /** Read AWS accounts live with the SDK, besides any inventory files. */
    @Parameter(property = "cloudaudit.aws.enabled", defaultValue = "false")
    private boolean awsEnabled;

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

    /** How many account-region pairs are read at once; lower it to lower the request rate. */
    @Parameter(property = "cloudaudit.aws.maxConcurrency", defaultValue = "4")
    private int awsMaxConcurrency;

    /** Days of CPU utilization to read. */
    @Parameter(property = "cloudaudit.aws.metricsDays", defaultValue = "14")
    private int awsMetricsDays;

    /**
     * An AWS Config aggregator that gives instances, DB instances, security groups and volumes of every account and
     * region in one query, instead of calling each; see docs/live-aws.md for what it cannot give.
     */
    @Parameter(property = "cloudaudit.aws.configAggregator")
    private String awsConfigAggregator;

    /** The live sources the parameters switch on; none by default. */
    List<InventorySource> liveSources() throws MojoExecutionException {
        return new AwsParameters(awsEnabled, awsProfile, awsRegions, awsRoleArns, awsExternalId, awsEndpoint,
                awsMaxConcurrency, awsMetricsDays, awsConfigAggregator).sources();
    }
}
