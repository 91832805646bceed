package io.github.cloudaudit.source.aws.live;

import io.github.cloudaudit.source.SettingProblem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to read AWS accounts live.
 *
 * @param profile        a named profile, null for the SDK's default credentials chain
 * @param regions        regions to read; empty for every region the account has enabled
 * @param roleArns       roles to assume, one account each; empty for the credentials' own account
 * @param externalId     the external id the roles require, null for none
 * @param endpoint       one endpoint for every service (moto, LocalStack, a VPC or FIPS endpoint), null for AWS's own
 * @param maxConcurrency how many account-region pairs are read at once; each reads one call at a time
 * @param metricsDays    how many days of CPU utilization to read
 * @param maxAttempts    attempts per call, with adaptive back-off between them; 1 turns retries off
 * @param callTimeout    the longest one call may take, retries included
 * @param configAggregator an AWS Config aggregator to take instances, DB instances, security groups and volumes of
 *                       every account and region from, null to call each account and region
 */
public record AwsSettings(String profile, List<String> regions, List<String> roleArns, String externalId, URI endpoint,
                          int maxConcurrency, int metricsDays, int maxAttempts, Duration callTimeout,
                          String configAggregator) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_METRICS_DAYS = 14;
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public AwsSettings {
        regions = List.copyOf(regions);
        roleArns = List.copyOf(roleArns);
        for (String region : regions) {
            require(REGION.matcher(region).matches(), "regions", "has '" + region + "', which is not a region such as "
                    + "eu-north-1");
        }
        for (String arn : roleArns) {
            require(ROLE_ARN.matcher(arn).matches(), "roleArns",
                    "has '" + arn + "', which is not a role ARN such as arn:aws:iam::123456789012:role/audit");
        }
        require(maxConcurrency >= 1 && maxConcurrency <= 64, "maxConcurrency",
                "must be 1 to 64, found " + maxConcurrency);
        // CloudWatch keeps hourly data for 455 days.
        require(metricsDays >= 1 && metricsDays <= 455, "metricsDays", "must be 1 to 455, found " + metricsDays);
        require(maxAttempts >= 1, "maxAttempts", "must be at least 1");
        require(configAggregator == null || !configAggregator.isBlank(), "configAggregator", "must not be blank");
        require(endpoint == null || endpoint.getScheme() != null && endpoint.getHost() != null, "endpoint",
                "must be a URL such as https://vpce-1.ec2.eu-north-1.vpce.amazonaws.com, found " + endpoint);
    }

    /** Defaults for everything but what names the accounts and regions. */
    public static AwsSettings of(String profile, List<String> regions, List<String> roleArns, String externalId,
                                 URI endpoint) {
        return new AwsSettings(profile, regions, roleArns, externalId, endpoint, DEFAULT_CONCURRENCY,
                DEFAULT_METRICS_DAYS, DEFAULT_ATTEMPTS, DEFAULT_CALL_TIMEOUT, null);
    }

    public AwsSettings withMaxAttempts(int attempts) {
        return new AwsSettings(profile, regions, roleArns, externalId, endpoint, maxConcurrency, metricsDays, attempts,
                callTimeout, configAggregator);
    }

    public AwsSettings withCallTimeout(Duration timeout) {
        return new AwsSettings(profile, regions, roleArns, externalId, endpoint, maxConcurrency, metricsDays,
                maxAttempts, timeout, configAggregator);
    }

    public AwsSettings withMaxConcurrency(int concurrency) {
        return new AwsSettings(profile, regions, roleArns, externalId, endpoint, concurrency, metricsDays, maxAttempts,
                callTimeout, configAggregator);
    }

    public AwsSettings withConfigAggregator(String name) {
        return new AwsSettings(profile, regions, roleArns, externalId, endpoint, maxConcurrency, metricsDays, maxAttempts,
                callTimeout, name);
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw SettingProblem.of("aws", key, problem);
        }
    }

    /** The account a role ARN belongs to. */
    static String accountOf(String roleArn) {
        return roleArn.split(":")[4];
    }
}
