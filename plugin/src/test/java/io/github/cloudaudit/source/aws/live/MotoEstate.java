package io.github.cloudaudit.source.aws.live;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a small estate in moto through the SDK: two accounts (the default one and one reached by assuming a role)
 * in two regions. Calls made here set the stage; they are not the audit's.
 */
public final class MotoEstate {

    public static final String OWN = "123456789012";
    public static final String OTHER = "210987654321";
    public static final String OTHER_ROLE = "arn:aws:iam::" + OTHER + ":role/cloud-audit";
    public static final String EU = "eu-north-1";
    public static final String US = "us-east-1";
    static final AwsCredentialsProvider TESTING =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final URI endpoint;

    public MotoEstate(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The credentials of the other account, through AssumeRole as the audit gets them. */
    AwsCredentialsProvider other() {
        StsClient sts = client(StsClient.builder(), TESTING, US);
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(OTHER_ROLE).roleSessionName("seed")).build();
    }

    /**
     * Own account, eu-north-1: legacy-db (m3.large, CPU alarm, GuardDuty on, a logging multi-region trail) and the
     * RDS instance orders-db. Own account, us-east-1: batch, no alarm. Other account: web in eu-north-1, where its
     * GuardDuty detector is suspended.
     */
    public void build() {
        String legacy = instance(TESTING, EU, "legacy-db", InstanceType.M3_LARGE);
        instance(TESTING, US, "batch", InstanceType.T3_MICRO);
        instance(other(), EU, "web", InstanceType.T3_MICRO);
        try (CloudWatchClient cloudWatch = client(CloudWatchClient.builder(), TESTING, EU)) {
            mining(cloudWatch, legacy);
            cloudWatch.putMetricAlarm(r -> r.alarmName("legacy-db-cpu").namespace("AWS/EC2").metricName("CPUUtilization")
                    .dimensions(d -> d.name("InstanceId").value(legacy)).statistic(Statistic.AVERAGE).period(300)
                    .evaluationPeriods(3).threshold(90.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        }
        try (RdsClient rds = client(RdsClient.builder(), TESTING, EU)) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("mysql").engineVersion("5.7.44")
                    .dbInstanceClass("db.m4.large").allocatedStorage(20).masterUsername("admin")
                    .masterUserPassword("not-a-secret-1"));
            // An Aurora cluster and its one member: the member is the database server, the cluster gives its engine.
            rds.createDBCluster(r -> r.dbClusterIdentifier("billing").engine("aurora-postgresql").engineVersion("11.9")
                    .masterUsername("admin").masterUserPassword("not-a-secret-1"));
            rds.createDBInstance(r -> r.dbInstanceIdentifier("billing-1").dbClusterIdentifier("billing")
                    .engine("aurora-postgresql").dbInstanceClass("db.r5.large"));
        }
        try (GuardDutyClient guardDuty = client(GuardDutyClient.builder(), TESTING, EU);
             GuardDutyClient suspended = client(GuardDutyClient.builder(), other(), EU)) {
            guardDuty.createDetector(r -> r.enable(true));
            suspended.createDetector(r -> r.enable(false));
        }
        try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), TESTING, EU);
             CloudTrailClient cloudTrail = client(CloudTrailClient.builder(), TESTING, EU)) {
            s3.createBucket(r -> r.bucket("audit-trail").createBucketConfiguration(c -> c.locationConstraint(EU)));
            cloudTrail.createTrail(r -> r.name("everywhere").s3BucketName("audit-trail").isMultiRegionTrail(true));
            cloudTrail.startLogging(r -> r.name("everywhere"));
        }
    }

    /** Hourly CPU of 95 % over the last 14 days; moto reads at most 20 datapoints a call (larger bodies are gzipped). */
    private static void mining(CloudWatchClient cloudWatch, String instanceId) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<MetricDatum> data = new ArrayList<>();
        for (int h = 1; h <= 14 * 24; h++) {
            data.add(MetricDatum.builder().metricName("CPUUtilization").value(95.0).unit(StandardUnit.PERCENT)
                    .timestamp(hour.minus(h, ChronoUnit.HOURS)).dimensions(d -> d.name("InstanceId").value(instanceId))
                    .build());
        }
        for (int from = 0; from < data.size(); from += 20) {
            List<MetricDatum> batch = data.subList(from, Math.min(from + 20, data.size()));
            cloudWatch.putMetricData(r -> r.namespace("AWS/EC2").metricData(batch));
        }
    }

    private String instance(AwsCredentialsProvider credentials, String region, String name, InstanceType type) {
        try (Ec2Client ec2 = client(Ec2Client.builder(), credentials, region)) {
            String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            return ec2.runInstances(r -> r.imageId(image).instanceType(type).minCount(1).maxCount(1)
                    .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                            .tags(tag -> tag.key("Name").value(name)))).instances().get(0).instanceId();
        }
    }

    <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials, String region) {
        return builder.endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials).build();
    }
}
