package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code aws cloudwatch describe-alarms}: which instances and DB instances have an alarm on their CPU, directly
 * or through metric math. A complete list of metric alarms shows that the servers of its account and region
 * without one have none.
 */
public final class CloudWatchAlarmsReader extends AwsCliReader {

    private static final String METRIC_ALARMS = "MetricAlarms";
    private static final Set<String> CPU_NAMESPACES = Set.of("AWS/EC2", "AWS/RDS");
    private static final Set<String> SERVER_DIMENSIONS = Set.of("InstanceId", "DBInstanceIdentifier");

    /** What the reader reads of an alarm; the rest (actions, state, thresholds, timestamps) is streamed past. */
    private static final UsedFields USED = UsedFields.paths("AlarmArn", "MetricName", "Namespace", "Dimensions",
            "Metrics.MetricStat.Metric");

    public CloudWatchAlarmsReader() {
        super("cloudwatch describe-alarms", METRIC_ALARMS, "CompositeAlarms");
    }

    @Override
    protected UsedFields usedFields() {
        return USED;
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return new ListingHandler() {
            private final Set<AwsLocation> locations = new LinkedHashSet<>();

            @Override
            public void item(String key, AwsItem alarm) {
                Arn.parse(alarm.text("AlarmArn"))
                        .filter(arn -> arn.account() != null && arn.region() != null)
                        .ifPresent(arn -> locations.add(new AwsLocation(arn.account(), arn.region())));
                if (key.equals(METRIC_ALARMS)) {
                    cpuTargets(alarm).forEach(target -> listing.builder().cpuAlarm(Provider.AWS, target));
                }
            }

            @Override
            public void end() {
                // Composite alarms alone (--alarm-types CompositeAlarm) say nothing about which metrics are watched.
                if (!listing.hasList(METRIC_ALARMS)) {
                    return;
                }
                if (locations.isEmpty()) {
                    locations.add(listing.location(null, null));
                }
                locations.forEach(where -> listing.complete(where, listing.builder()::alarmsCollected));
            }
        };
    }

    /** The instances and DB instances whose CPU the alarm's metric, or any metric of its math, measures. */
    private static List<String> cpuTargets(AwsItem alarm) {
        List<String> targets = new ArrayList<>(cpuTargetsOfMetric(alarm));
        for (AwsItem query : alarm.list("Metrics")) {
            targets.addAll(cpuTargetsOfMetric(query.child("MetricStat", "Metric")));
        }
        return targets;
    }

    private static List<String> cpuTargetsOfMetric(AwsItem metric) {
        List<String> targets = new ArrayList<>();
        if ("CPUUtilization".equals(metric.text("MetricName")) && metric.textIsOneOf(CPU_NAMESPACES, "Namespace")) {
            for (AwsItem dimension : metric.list("Dimensions")) {
                String value = dimension.text("Value");
                if (value != null && dimension.textIsOneOf(SERVER_DIMENSIONS, "Name")) {
                    targets.add(value);
                }
            }
        }
        return targets;
    }
}
