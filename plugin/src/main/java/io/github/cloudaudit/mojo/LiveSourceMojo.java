package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.config.ConfigurationException;
import io.github.cloudaudit.config.ConfigurationFile;
import io.github.cloudaudit.source.InventorySource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The goals that can read clouds live ({@code snapshot} and the goals that audit): the configuration file and the live
 * sources' parameters, declared once, so that a setting in {@code cloud-audit.yml} means the same to every goal.
 */
abstract class LiveSourceMojo extends AbstractMojo {

    /**
     * A configuration file ({@code cloud-audit.yml}, schema
     * {@code io/github/cloudaudit/schema/cloud-audit.schema.json}) that can set every parameter and, for the goals that
     * audit, each rule: enabled, severity, scope and settings. What the pom sets wins. Default:
     * {@code cloud-audit.yml} in the project's folder when it exists.
     */
    @Parameter(property = "cloudaudit.config")
    File config;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

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

    // Live Azure: see docs/live-azure.md.

    /** Read Azure subscriptions live through Resource Graph, besides any inventory files. */
    @Parameter(property = "cloudaudit.azure.enabled")
    private Boolean azureEnabled;

    /** The tenant whose subscriptions to read; default: the credential's own. */
    @Parameter(property = "cloudaudit.azure.tenantId")
    private String azureTenantId;

    /** Subscription ids to read; default: every subscription the identity can read. */
    @Parameter(property = "cloudaudit.azure.subscriptions")
    private List<String> azureSubscriptions;

    /** The national cloud: AzureCloud, AzureUSGovernment or AzureChinaCloud. Default: AzureCloud. */
    @Parameter(property = "cloudaudit.azure.cloud")
    private String azureCloud;

    /** Resource Manager's base URL, for private endpoints and tests; default: the cloud's own. */
    @Parameter(property = "cloudaudit.azure.endpoint")
    private String azureEndpoint;

    /** Azure Monitor's metrics base URL; default: the region's https://REGION.metrics.monitor.azure.com. */
    @Parameter(property = "cloudaudit.azure.metricsEndpoint")
    private String azureMetricsEndpoint;

    /** Days of CPU to read from Azure Monitor. Default: 14. */
    @Parameter(property = "cloudaudit.azure.metricsDays")
    private Integer azureMetricsDays;

    /**
     * The effective configuration: the defaults, then the configuration file, then the goal's own layer of what the
     * pom sets.
     *
     * @throws MojoExecutionException naming the file, line and problem when the file is malformed
     */
    Configuration effectiveConfiguration(ObjectNode pomLayer) throws MojoExecutionException {
        Path file = configFile();
        ObjectNode fromFile;
        try {
            fromFile = file == null ? null : ConfigurationFile.read(file);
        } catch (ConfigurationException e) {
            throw new MojoExecutionException("Invalid configuration file " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return Configuration.of(fromFile, pomLayer);
    }

    private Path configFile() throws MojoExecutionException {
        if (config != null) {
            return existing(resolve(config), "config");
        }
        Path standard = resolve(new File(ConfigurationFile.DEFAULT_NAME));
        return Files.isRegularFile(standard) ? standard : null;
    }

    /** A path from the pom, against the project folder when relative (the working folder without a project). */
    Path resolve(File file) {
        File basedir = project == null ? null : project.getBasedir();
        return file.isAbsolute() || basedir == null ? file.toPath() : basedir.toPath().resolve(file.toPath());
    }

    static Path existing(Path path, String key) throws MojoExecutionException {
        if (!Files.isRegularFile(path)) {
            throw new MojoExecutionException(key + ": file not found: " + path);
        }
        return path;
    }

    String pluginVersion() {
        return plugin == null ? null : plugin.getVersion();
    }

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
        ObjectNode azure = Configuration.layer();
        putIfSet(azure, "enabled", azureEnabled);
        putIfSet(azure, "tenantId", azureTenantId);
        putIfSet(azure, "subscriptions", azureSubscriptions);
        putIfSet(azure, "cloud", azureCloud);
        putIfSet(azure, "endpoint", azureEndpoint);
        putIfSet(azure, "metricsEndpoint", azureMetricsEndpoint);
        putIfSet(azure, "metricsDays", azureMetricsDays);
        ObjectNode layer = Configuration.layer();
        if (!aws.isEmpty()) {
            layer.set(AwsParameters.SECTION, aws);
        }
        if (!azure.isEmpty()) {
            layer.set(AzureParameters.SECTION, azure);
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

    /** The live sources the configuration switches on, AWS before Azure; none by default. */
    static List<InventorySource> liveSources(Configuration configuration) throws MojoExecutionException {
        List<InventorySource> sources = new ArrayList<>(AwsParameters.of(configuration.section(AwsParameters.SECTION))
                .sources());
        sources.addAll(AzureParameters.of(configuration.section(AzureParameters.SECTION)).sources());
        return sources;
    }
}
