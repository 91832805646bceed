package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.aws.AwsCliReader;
import io.github.cloudaudit.source.aws.CloudTrailTrailsReader;
import io.github.cloudaudit.source.aws.CloudWatchAlarmsReader;
import io.github.cloudaudit.source.aws.Ec2FlowLogsReader;
import io.github.cloudaudit.source.aws.Ec2ImagesReader;
import io.github.cloudaudit.source.aws.Ec2InstancesReader;
import io.github.cloudaudit.source.aws.Ec2SecurityGroupsReader;
import io.github.cloudaudit.source.aws.Ec2VolumesReader;
import io.github.cloudaudit.source.aws.GuardDutyDetectorsReader;
import io.github.cloudaudit.source.aws.RdsDbClustersReader;
import io.github.cloudaudit.source.aws.RdsDbInstancesReader;
import io.github.cloudaudit.source.aws.SsmInstanceInformationReader;
import io.github.cloudaudit.source.aws.SsmInventoryReader;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads one account in one region, one call at a time: every listing through its paginator, each into an
 * {@link Answer}. A call that fails (denied, unsupported, timed out, a server error) becomes a coverage gap naming
 * account, region and operation, and the next listing goes on.
 */
final class RegionReading {

    /** EC2 takes at most 200 values in one filter. */
    private static final int IMAGE_IDS_PER_CALL = 200;

    private final String account;
    private final String region;
    private final AwsClients clients;
    private final int metricsDays;
    private final List<Answer> answers = new ArrayList<>();
    private final List<CoverageGap> gaps = new ArrayList<>();

    RegionReading(String account, String region, AwsClients clients, int metricsDays) {
        this.account = account;
        this.region = region;
        this.clients = clients;
        this.metricsDays = metricsDays;
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    List<CoverageGap> gaps() {
        return gaps;
    }

    int items() {
        return answers.stream().mapToInt(Answer::items).sum();
    }

    /** Reads every listing, then closes this pair's clients. */
    RegionReading read() {
        try (clients) {
            readListings();
        }
        return this;
    }

    private void readListings() {
        Answer instances = list("ec2:DescribeInstances", new Ec2InstancesReader(),
                () -> clients.ec2().describeInstancesPaginator());
        images(values(instances, "Reservations", "Instances", "ImageId"));
        list("ec2:DescribeSecurityGroups", new Ec2SecurityGroupsReader(),
                () -> clients.ec2().describeSecurityGroupsPaginator());
        list("ec2:DescribeVolumes", new Ec2VolumesReader(), () -> clients.ec2().describeVolumesPaginator());
        list("ec2:DescribeFlowLogs", new Ec2FlowLogsReader(), () -> clients.ec2().describeFlowLogsPaginator());
        Answer databases = list("rds:DescribeDBInstances", new RdsDbInstancesReader(),
                () -> clients.rds().describeDBInstancesPaginator());
        list("rds:DescribeDBClusters", new RdsDbClustersReader(), () -> clients.rds().describeDBClustersPaginator());
        cpu(instances, databases);
        list("cloudwatch:DescribeAlarms", new CloudWatchAlarmsReader(),
                () -> clients.cloudWatch().describeAlarmsPaginator());
        Answer detectors = list("guardduty:ListDetectors", new GuardDutyDetectorsReader(),
                () -> clients.guardDuty().listDetectorsPaginator(r -> { }));
        detectorsThatRun(detectors);
        mining(detectors);
        list("ssm:DescribeInstanceInformation", new SsmInstanceInformationReader(),
                () -> clients.ssm().describeInstanceInformationPaginator(r -> { }));
        list("ssm:GetInventory", new SsmInventoryReader(), () -> clients.ssm().getInventoryPaginator(
                r -> r.resultAttributes(a -> a.typeName("AWS:Application"))));
        trails();
    }

    /** Puts what was read into the builder; called on one thread, in a fixed order, so inventories are repeatable. */
    void mapInto(InventoryBuilder builder) throws IOException {
        for (Answer answer : answers) {
            answer.mapInto(builder, account, region);
        }
        gaps.forEach(builder::gap);
    }

    private Answer list(String operation, AwsCliReader reader, Supplier<Iterable<? extends SdkPojo>> pages) {
        Answer answer = new Answer(reader, operation);
        answers.add(answer);
        try {
            for (SdkPojo page : pages.get()) {
                answer.add(page);
            }
            answer.complete();
        } catch (SdkException e) {
            gap(operation, e);
        }
        return answer;
    }

    /** The images the instances run, so that their operating system is known; other images do not matter. */
    private void images(List<String> imageIds) {
        for (int from = 0; from < imageIds.size(); from += IMAGE_IDS_PER_CALL) {
            List<String> batch = imageIds.subList(from, Math.min(from + IMAGE_IDS_PER_CALL, imageIds.size()));
            // A filter, not ImageIds: an id of a deregistered image would fail the whole call.
            list("ec2:DescribeImages", new Ec2ImagesReader(), () -> List.of(clients.ec2().describeImages(
                    r -> r.filters(f -> f.name("image-id").values(batch)))));
        }
    }

    /** CPU of every server listed, when a mapping for metric data is on the class path. */
    private void cpu(Answer instances, Answer databases) {
        Mappings.of("cloudwatch get-metric-data").ifPresent(reader -> {
            List<CpuMetrics.Server> servers = new ArrayList<>();
            values(instances, "Reservations", "Instances", "InstanceId")
                    .forEach(id -> servers.add(new CpuMetrics.Server("AWS/EC2", "InstanceId", id)));
            values(databases, "DBInstances", "DBInstanceIdentifier")
                    .forEach(id -> servers.add(new CpuMetrics.Server("AWS/RDS", "DBInstanceIdentifier", id)));
            for (var call : CpuMetrics.calls(clients.cloudWatch(), servers, metricsDays, Instant.now())) {
                list("cloudwatch:GetMetricData", reader, call::get);
            }
        });
    }

    /** GuardDuty's mining findings of every detector, when a mapping for findings is on the class path. */
    private void mining(Answer detectors) {
        Mappings.of("guardduty get-findings").ifPresent(reader -> {
            for (String detectorId : values(detectors, "DetectorIds")) {
                List<String> ids;
                try {
                    ids = CryptominingFindings.ids(clients.guardDuty(), detectorId);
                } catch (SdkException e) {
                    gap("guardduty:ListFindings", e);
                    continue;
                }
                for (var call : CryptominingFindings.calls(clients.guardDuty(), detectorId, ids)) {
                    list("guardduty:GetFindings", reader, call::get);
                }
            }
        });
    }

    /** One field of every listed item, following lists: {@code values(instances, "Reservations", "Instances", "ImageId")}. */
    static List<String> values(Answer answer, String... path) {
        List<JsonNode> nodes = new ArrayList<>(answer.pages());
        for (String step : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                JsonNode value = node.path(step);
                if (value.isArray()) {
                    value.forEach(next::add);
                } else if (!value.isMissingNode() && !value.isNull()) {
                    next.add(value);
                }
            }
            nodes = next;
        }
        return List.copyOf(new TreeSet<>(nodes.stream().map(JsonNode::asText).toList()));
    }

    /** The trails, without those that do not log: a trail that is switched off records nothing, so it is no trail. */
    private void trails() {
        Answer trails = list("cloudtrail:DescribeTrails", new CloudTrailTrailsReader(),
                () -> List.of(clients.cloudTrail().describeTrails(r -> r.includeShadowTrails(true))));
        keepOnly(trails, "trailList", "cloudtrail:GetTrailStatus", trail -> !Boolean.FALSE.equals(
                clients.cloudTrail().getTrailStatus(r -> r.name(trail.path("TrailARN").asText())).isLogging()));
    }

    /** The detectors, without suspended ones: a detector that is switched off detects nothing. */
    private void detectorsThatRun(Answer detectors) {
        keepOnly(detectors, "DetectorIds", "guardduty:GetDetector", id -> clients.guardDuty()
                .getDetector(r -> r.detectorId(id.asText())).status() != DetectorStatus.DISABLED);
    }

    /**
     * Drops the listed items that a second call shows to be switched off. When that call fails, whether they work
     * is unknown: the listing proves nothing then, and a gap says why.
     */
    private void keepOnly(Answer answer, String listKey, String operation, Predicate<JsonNode> works) {
        for (ObjectNode page : answer.pages()) {
            Iterator<JsonNode> each = page.path(listKey).iterator();
            while (each.hasNext()) {
                try {
                    if (!works.test(each.next())) {
                        each.remove();
                    }
                } catch (SdkException e) {
                    gap(operation, e);
                    answers.remove(answer);
                    return;
                }
            }
        }
    }

    private void gap(String operation, SdkException error) {
        gaps.add(new CoverageGap(Provider.AWS, account, region, operation, ApiErrors.reason(error)));
    }
}
