package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.model.IngressRule;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the fleet as the files {@code aws <service> <command> --output json} prints, one
 * {@code <account>/<region>/} folder per region: describe-instances and describe-alarms are streamed together,
 * one instance at a time.
 */
final class AwsCliInventoryWriter implements InventoryWriter {

    static final String INSTANCES = "ec2-describe-instances.json";
    static final String ALARMS = "cloudwatch-describe-alarms.json";
    static final String IMAGES = "ec2-describe-images.json";
    static final String SECURITY_GROUPS = "ec2-describe-security-groups.json";
    static final String FLOW_LOGS = "ec2-describe-flow-logs.json";
    static final String DETECTORS = "guardduty-list-detectors.json";
    static final String TRAILS = "cloudtrail-describe-trails.json";

    private static final String WORLD = "0.0.0.0/0";

    @Override
    public List<Path> write(SyntheticFleet fleet, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (SyntheticFleet.Region region : fleet.regions()) {
            Path regionFolder = Files.createDirectories(folder.resolve(SyntheticFleet.ACCOUNT).resolve(region.name()));
            files.add(regionFolder.resolve(INSTANCES));
            files.add(regionFolder.resolve(ALARMS));
            writeInstancesAndAlarms(fleet, region, regionFolder.resolve(INSTANCES), regionFolder.resolve(ALARMS));
            files.add(writeImages(fleet, region, regionFolder.resolve(IMAGES)));
            files.add(writeSecurityGroups(fleet, region, regionFolder.resolve(SECURITY_GROUPS)));
            files.add(writeFlowLogs(fleet, region, regionFolder.resolve(FLOW_LOGS)));
            files.add(writeDetectors(region, regionFolder.resolve(DETECTORS)));
            files.add(writeTrails(regionFolder.resolve(TRAILS)));
        }
        return files;
    }

    private static void writeInstancesAndAlarms(SyntheticFleet fleet, SyntheticFleet.Region region, Path instancesFile,
                                                Path alarmsFile) throws IOException {
        try (CliJson instancesJson = CliJson.create(instancesFile); CliJson alarmsJson = CliJson.create(alarmsFile)) {
            JsonGenerator instances = instancesJson.generator();
            JsonGenerator alarms = alarmsJson.generator();
            instances.writeStartObject();
            instances.writeArrayFieldStart("Reservations");
            alarms.writeStartObject();
            alarms.writeArrayFieldStart("MetricAlarms");
            String reservation = null;
            for (int i = 0; i < region.serverCount(); i++) {
                SyntheticServer server = fleet.server(region, i);
                if (reservation == null || server.startsReservation()) {
                    if (reservation != null) {
                        endReservation(instances, reservation);
                    }
                    reservation = server.reservationId();
                    instances.writeStartObject();
                    instances.writeArrayFieldStart("Groups");
                    instances.writeEndArray();
                    instances.writeArrayFieldStart("Instances");
                }
                Ec2InstanceJson.write(instances, server, region.name());
                writeAlarms(alarms, server, region);
            }
            if (reservation != null) {
                endReservation(instances, reservation);
            }
            instances.writeEndArray();
            instances.writeEndObject();
            alarms.writeEndArray();
            alarms.writeArrayFieldStart("CompositeAlarms");
            alarms.writeEndArray();
            alarms.writeEndObject();
        }
    }

    private static void endReservation(JsonGenerator g, String reservationId) throws IOException {
        g.writeEndArray();
        g.writeStringField("OwnerId", SyntheticFleet.ACCOUNT);
        g.writeStringField("ReservationId", reservationId);
        g.writeEndObject();
    }

    private static void writeAlarms(JsonGenerator g, SyntheticServer server, SyntheticFleet.Region region)
            throws IOException {
        if (server.cpuAlarm()) {
            alarm(g, server, region, "cpu-high", "CPU above 80% for 10 minutes", "CPUUtilization", "Average",
                    300, 2, 80.0, "GreaterThanThreshold");
        }
        if (server.statusCheckAlarm()) {
            alarm(g, server, region, "status-check", "Instance or system status check failed", "StatusCheckFailed",
                    "Maximum", 60, 2, 1.0, "GreaterThanOrEqualToThreshold");
        }
    }

    private static void alarm(JsonGenerator g, SyntheticServer server, SyntheticFleet.Region region, String suffix,
                              String description, String metric, String statistic, int period, int evaluationPeriods,
                              double threshold, String comparison) throws IOException {
        String name = server.tags().get("Name") + "-" + suffix;
        BigDecimal updated = epochSeconds(server.launchTime().plus(Duration.ofHours(1))
                .plusMillis(1 + Math.floorMod(name.hashCode(), 999)));
        g.writeStartObject();
        g.writeStringField("AlarmName", name);
        g.writeStringField("AlarmArn", "arn:aws:cloudwatch:" + region.name() + ":" + SyntheticFleet.ACCOUNT + ":alarm:" + name);
        g.writeStringField("AlarmDescription", description);
        g.writeNumberField("AlarmConfigurationUpdatedTimestamp", updated);
        g.writeBooleanField("ActionsEnabled", true);
        g.writeArrayFieldStart("OKActions");
        g.writeEndArray();
        g.writeArrayFieldStart("AlarmActions");
        g.writeString("arn:aws:sns:" + region.name() + ":" + SyntheticFleet.ACCOUNT + ":ops-alerts");
        g.writeEndArray();
        g.writeArrayFieldStart("InsufficientDataActions");
        g.writeEndArray();
        g.writeStringField("StateValue", server.running() ? "OK" : "INSUFFICIENT_DATA");
        g.writeStringField("StateReason", server.running()
                ? "Threshold Crossed: 2 datapoints were not greater than the threshold."
                : "Insufficient Data: 2 datapoints were unknown.");
        g.writeStringField("StateReasonData", "{}");
        g.writeNumberField("StateUpdatedTimestamp", updated);
        g.writeStringField("MetricName", metric);
        g.writeStringField("Namespace", "AWS/EC2");
        g.writeStringField("Statistic", statistic);
        g.writeArrayFieldStart("Dimensions");
        g.writeStartObject();
        g.writeStringField("Name", "InstanceId");
        g.writeStringField("Value", server.instanceId());
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("Period", period);
        g.writeNumberField("EvaluationPeriods", evaluationPeriods);
        g.writeNumberField("Threshold", threshold);
        g.writeStringField("ComparisonOperator", comparison);
        g.writeArrayFieldStart("Metrics");
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * CLI v1 prints this JSON-protocol service's timestamps as epoch seconds, a Python float such as
     * {@code 1795465486.436} or {@code 1795465486.0}, as in the fixtures.
     */
    private static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }

    private static Path writeImages(SyntheticFleet fleet, SyntheticFleet.Region region, Path file) throws IOException {
        try (CliJson json = CliJson.create(file)) {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeArrayFieldStart("Images");
            for (SyntheticImage image : fleet.images(region)) {
                image(g, image, region);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }

    private static void image(JsonGenerator g, SyntheticImage image, SyntheticFleet.Region region) throws IOException {
        String created = Ec2InstanceJson.timestamp(image.created());
        g.writeStartObject();
        g.writeStringField("Architecture", "x86_64");
        g.writeStringField("CreationDate", created);
        g.writeStringField("ImageId", image.id());
        g.writeStringField("ImageLocation", (image.ownerAlias() != null ? image.ownerAlias() : image.ownerId()) + "/" + image.name());
        g.writeStringField("ImageType", "machine");
        g.writeBooleanField("Public", true);
        g.writeStringField("OwnerId", image.ownerId());
        if (image.windows()) {
            g.writeStringField("Platform", "windows");
        }
        g.writeStringField("PlatformDetails", image.platformDetails());
        g.writeStringField("UsageOperation", image.usageOperation());
        g.writeStringField("State", "available");
        g.writeArrayFieldStart("BlockDeviceMappings");
        g.writeStartObject();
        g.writeStringField("DeviceName", image.rootDevice());
        g.writeObjectFieldStart("Ebs");
        g.writeBooleanField("DeleteOnTermination", true);
        g.writeStringField("SnapshotId", SyntheticIds.aws("snap", SyntheticIds.IMAGE, region.index(), image.id().hashCode()));
        g.writeNumberField("VolumeSize", image.windows() ? 30 : 8);
        g.writeStringField("VolumeType", image.legacy() ? "gp2" : "gp3");
        g.writeBooleanField("Encrypted", false);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("Description", image.description());
        g.writeBooleanField("EnaSupport", true);
        g.writeStringField("Hypervisor", "xen");
        if (image.ownerAlias() != null) {
            g.writeStringField("ImageOwnerAlias", image.ownerAlias());
        }
        g.writeStringField("Name", image.name());
        g.writeStringField("RootDeviceName", image.rootDevice());
        g.writeStringField("RootDeviceType", "ebs");
        g.writeStringField("SriovNetSupport", "simple");
        g.writeStringField("VirtualizationType", "hvm");
        g.writeStringField("DeprecationTime", Ec2InstanceJson.timestamp(image.created().plus(Duration.ofDays(730))));
        g.writeEndObject();
    }

    private static Path writeSecurityGroups(SyntheticFleet fleet, SyntheticFleet.Region region, Path file)
            throws IOException {
        try (CliJson json = CliJson.create(file)) {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeArrayFieldStart("SecurityGroups");
            for (SyntheticFleet.Vpc vpc : fleet.vpcs(region)) {
                String id = SyntheticIds.aws("sg", SyntheticIds.SECURITY_GROUP, region.index(), 900_000_000L + vpc.number());
                // A VPC's default group lets in only its own members.
                securityGroup(g, region, id, "default", "default VPC security group", vpc,
                        List.of(new IngressRule("-1", null, null, id, null)));
            }
            for (int n = 0; n < fleet.securityGroupCount(); n++) {
                SyntheticFleet.SecurityGroup group = fleet.securityGroup(region, n);
                securityGroup(g, region, group.id(), group.name(), group.role().description, group.vpc(), group.rules());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }

    private static void securityGroup(JsonGenerator g, SyntheticFleet.Region region, String id, String name,
                                      String description, SyntheticFleet.Vpc vpc, List<IngressRule> rules)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("Description", description);
        g.writeStringField("GroupName", name);
        g.writeArrayFieldStart("IpPermissions");
        for (IngressRule rule : rules) {
            permission(g, rule);
        }
        g.writeEndArray();
        g.writeStringField("OwnerId", SyntheticFleet.ACCOUNT);
        g.writeStringField("GroupId", id);
        g.writeArrayFieldStart("IpPermissionsEgress");
        permission(g, new IngressRule("-1", null, null, WORLD, null));
        g.writeEndArray();
        g.writeArrayFieldStart("Tags");
        g.writeEndArray();
        g.writeStringField("VpcId", vpc.id());
        g.writeStringField("SecurityGroupArn",
                "arn:aws:ec2:" + region.name() + ":" + SyntheticFleet.ACCOUNT + ":security-group/" + id);
        g.writeEndObject();
    }

    /** One IpPermissions entry; a source starting with {@code sg-} is another group, anything else a CIDR block. */
    private static void permission(JsonGenerator g, IngressRule rule) throws IOException {
        boolean fromGroup = rule.source().startsWith("sg-");
        g.writeStartObject();
        if (rule.fromPort() != null) {
            g.writeNumberField("FromPort", rule.fromPort());
        }
        g.writeStringField("IpProtocol", rule.protocol());
        g.writeArrayFieldStart("IpRanges");
        if (!fromGroup) {
            g.writeStartObject();
            g.writeStringField("CidrIp", rule.source());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Ipv6Ranges");
        g.writeEndArray();
        g.writeArrayFieldStart("PrefixListIds");
        g.writeEndArray();
        if (rule.toPort() != null) {
            g.writeNumberField("ToPort", rule.toPort());
        }
        g.writeArrayFieldStart("UserIdGroupPairs");
        if (fromGroup) {
            g.writeStartObject();
            g.writeStringField("GroupId", rule.source());
            g.writeStringField("UserId", SyntheticFleet.ACCOUNT);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Path writeFlowLogs(SyntheticFleet fleet, SyntheticFleet.Region region, Path file) throws IOException {
        try (CliJson json = CliJson.create(file)) {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeArrayFieldStart("FlowLogs");
            for (SyntheticFleet.Vpc vpc : fleet.vpcs(region)) {
                if (!vpc.flowLogs()) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("CreationTime", Ec2InstanceJson.timestamp(Instant.parse("2024-01-15T08:30:00Z")));
                g.writeStringField("DeliverLogsPermissionArn", "arn:aws:iam::" + SyntheticFleet.ACCOUNT + ":role/vpc-flow-logs");
                g.writeStringField("DeliverLogsStatus", "SUCCESS");
                g.writeStringField("FlowLogId", SyntheticIds.aws("fl", SyntheticIds.FLOW_LOG, region.index(), vpc.number()));
                g.writeStringField("FlowLogStatus", "ACTIVE");
                g.writeStringField("LogGroupName", "/vpc/" + vpc.name() + "-flow-logs");
                g.writeStringField("ResourceId", vpc.id());
                g.writeStringField("TrafficType", "ALL");
                g.writeStringField("LogDestinationType", "cloud-watch-logs");
                g.writeStringField("LogFormat", "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} "
                        + "${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}");
                g.writeArrayFieldStart("Tags");
                g.writeEndArray();
                g.writeNumberField("MaxAggregationInterval", 600);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }

    private static Path writeDetectors(SyntheticFleet.Region region, Path file) throws IOException {
        try (CliJson json = CliJson.create(file)) {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeArrayFieldStart("DetectorIds");
            if (region.guardDuty()) {
                g.writeString(SyntheticIds.hex(SyntheticIds.DETECTOR, region.index(), 0)
                        + SyntheticIds.hex(SyntheticIds.DETECTOR, region.index(), 1));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }

    /** The one multi-region trail, which describe-trails lists in every region. */
    private static Path writeTrails(Path file) throws IOException {
        String home = SyntheticFleet.TRAIL_HOME_REGION;
        try (CliJson json = CliJson.create(file)) {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeArrayFieldStart("trailList");
            g.writeStartObject();
            g.writeStringField("Name", "org-trail");
            g.writeStringField("S3BucketName", "audit-trail-logs-" + SyntheticFleet.ACCOUNT);
            g.writeBooleanField("IncludeGlobalServiceEvents", true);
            g.writeBooleanField("IsMultiRegionTrail", true);
            g.writeStringField("HomeRegion", home);
            g.writeStringField("TrailARN", "arn:aws:cloudtrail:" + home + ":" + SyntheticFleet.ACCOUNT + ":trail/org-trail");
            g.writeBooleanField("LogFileValidationEnabled", true);
            g.writeBooleanField("HasCustomEventSelectors", false);
            g.writeBooleanField("HasInsightSelectors", false);
            g.writeBooleanField("IsOrganizationTrail", false);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        return file;
    }
}
