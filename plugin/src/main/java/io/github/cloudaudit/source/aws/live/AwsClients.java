package io.github.cloudaudit.source.aws.live;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The service clients of one account and region, made when first used and closed together. Every client shares the
 * HTTP client, retries adaptively (slowing down when AWS throttles) and gives up on a call after the timeout.
 */
final class AwsClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final AwsSettings settings;
    private final ApiCalls calls;
    private final List<SdkClient> made = new ArrayList<>();
    private Ec2Client ec2;
    private RdsClient rds;
    private CloudWatchClient cloudWatch;
    private GuardDutyClient guardDuty;
    private SsmClient ssm;
    private CloudTrailClient cloudTrail;

    AwsClients(SdkHttpClient http, AwsCredentialsProvider credentials, String region, AwsSettings settings,
               ApiCalls calls) {
        this.http = http;
        this.credentials = credentials;
        this.region = Region.of(region);
        this.settings = settings;
        this.calls = calls;
    }

    Ec2Client ec2() {
        return ec2 != null ? ec2 : (ec2 = build(Ec2Client.builder()));
    }

    RdsClient rds() {
        return rds != null ? rds : (rds = build(RdsClient.builder()));
    }

    CloudWatchClient cloudWatch() {
        return cloudWatch != null ? cloudWatch : (cloudWatch = build(CloudWatchClient.builder()));
    }

    GuardDutyClient guardDuty() {
        return guardDuty != null ? guardDuty : (guardDuty = build(GuardDutyClient.builder()));
    }

    SsmClient ssm() {
        return ssm != null ? ssm : (ssm = build(SsmClient.builder()));
    }

    CloudTrailClient cloudTrail() {
        return cloudTrail != null ? cloudTrail : (cloudTrail = build(CloudTrailClient.builder()));
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C build(B builder) {
        C client = configure(builder, http, credentials, region, settings, calls).build();
        made.add(client);
        return client;
    }

    /** One configuration for every client, the STS client that assumes roles included. */
    static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
            B builder, SdkHttpClient http, AwsCredentialsProvider credentials, Region region, AwsSettings settings,
            ApiCalls calls) {
        builder.httpClient(http).credentialsProvider(credentials).region(region)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(settings.maxAttempts() == 1 ? AwsRetryStrategy.doNotRetry()
                                : AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                                        .maxAttempts(settings.maxAttempts()).build())
                        .apiCallTimeout(settings.callTimeout())
                        .apiCallAttemptTimeout(settings.callTimeout().dividedBy(2))
                        .addExecutionInterceptor(calls)
                        .putExecutionAttribute(ApiCalls.AUDIT_CALL, Boolean.TRUE)
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    @Override
    public void close() {
        made.forEach(SdkClient::close);
    }
}
