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
import io.github.cloudaudit.source.aws.RdsDbInstancesReader;
import io.github.cloudaudit.source.aws.SsmInstanceInformationReader;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
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
    private final List<Answer> answers = new ArrayList<>();
    private final List<CoverageGap> gaps = new ArrayList<>();

    RegionReading(String account, String region, AwsClients clients) {
        this.account = account;
        this.region = region;
        this.clients = clients;
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
        images(imageIds(instances));
        list("ec2:DescribeSecurityGroups", new Ec2SecurityGroupsReader(),
                () -> clients.ec2().describeSecurityGroupsPaginator());
        list("ec2:DescribeVolumes", new Ec2VolumesReader(), () -> clients.ec2().describeVolumesPaginator());
        list("ec2:DescribeFlowLogs", new Ec2FlowLogsReader(), () -> clients.ec2().describeFlowLogsPaginator());
        list("rds:DescribeDBInstances", new RdsDbInstancesReader(), () -> clients.rds().describeDBInstancesPaginator());
        list("cloudwatch:DescribeAlarms", new CloudWatchAlarmsReader(),
                () -> clients.cloudWatch().describeAlarmsPaginator());
        list("guardduty:ListDetectors", new GuardDutyDetectorsReader(),
                () -> clients.guardDuty().listDetectorsPaginator(r -> { }));
        list("ssm:DescribeInstanceInformation", new SsmInstanceInformationReader(),
                () -> clients.ssm().describeInstanceInformationPaginator(r -> { }));
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

    private static List<String> imageIds(Answer instances) {
        TreeSet<String> ids = new TreeSet<>();
        for (ObjectNode page : instances.pages()) {
            for (JsonNode instance : page.path("Reservations").findValues("Instances")) {
                instance.forEach(i -> {
                    if (i.hasNonNull("ImageId")) {
                        ids.add(i.get("ImageId").asText());
                    }
                });
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The trails, without those that do not log: a trail that is switched off records nothing, so it is no trail.
     * When a trail's status cannot be read, the listing proves nothing and a gap says why.
     */
    private void trails() {
        Answer trails = list("cloudtrail:DescribeTrails", new CloudTrailTrailsReader(),
                () -> List.of(clients.cloudTrail().describeTrails(r -> r.includeShadowTrails(true))));
        for (ObjectNode page : trails.pages()) {
            JsonNode list = page.path("trailList");
            Iterator<JsonNode> each = list.iterator();
            while (each.hasNext()) {
                String arn = each.next().path("TrailARN").asText(null);
                try {
                    if (arn != null && Boolean.FALSE.equals(clients.cloudTrail().getTrailStatus(r -> r.name(arn)).isLogging())) {
                        each.remove();
                    }
                } catch (SdkException e) {
                    gap("cloudtrail:GetTrailStatus", e);
                    answers.remove(trails);
                    return;
                }
            }
        }
    }

    private void gap(String operation, SdkException error) {
        gaps.add(new CoverageGap(Provider.AWS, account, region, operation, ApiErrors.reason(error)));
    }
}
