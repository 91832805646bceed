package io.github.cloudaudit.source.aws.live;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * CPU utilization of servers with GetMetricData, as {@code aws cloudwatch get-metric-data} exports it: one query per
 * server, labelled with the server's id, hourly averages over the last days. At most 500 queries go in one call (the
 * API's limit), so a region of 10,000 servers takes 20 calls and their pages, never one call per server.
 */
final class CpuMetrics {

    static final int QUERIES_PER_CALL = 500;
    /** Hourly: a miner's steady load shows in every hour, a nightly batch job in a few. */
    static final int PERIOD_SECONDS = 3600;

    /** A server whose CPU CloudWatch measures: {@code AWS/EC2} by InstanceId, {@code AWS/RDS} by DBInstanceIdentifier. */
    record Server(String namespace, String dimension, String id) {
    }

    private CpuMetrics() {
    }

    /** One call, with its pages, per batch of at most {@link #QUERIES_PER_CALL} servers. */
    static List<Supplier<Iterable<GetMetricDataResponse>>> calls(CloudWatchClient cloudWatch, List<Server> servers,
                                                                 int days, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(days));
        List<Supplier<Iterable<GetMetricDataResponse>>> calls = new ArrayList<>();
        for (int from = 0; from < servers.size(); from += QUERIES_PER_CALL) {
            List<MetricDataQuery> queries = new ArrayList<>();
            List<Server> batch = servers.subList(from, Math.min(from + QUERIES_PER_CALL, servers.size()));
            for (int i = 0; i < batch.size(); i++) {
                queries.add(query("cpu" + i, batch.get(i)));
            }
            calls.add(() -> cloudWatch.getMetricDataPaginator(r -> r.startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(queries)));
        }
        return calls;
    }

    /** Query ids may hold only letters, digits and underscores, so the server's id goes in the label. */
    private static MetricDataQuery query(String id, Server server) {
        return MetricDataQuery.builder().id(id).label(server.id()).returnData(true)
                .metricStat(stat -> stat.period(PERIOD_SECONDS).stat("Average")
                        .metric(metric -> metric.namespace(server.namespace()).metricName("CPUUtilization")
                                .dimensions(d -> d.name(server.dimension()).value(server.id()))))
                .build();
    }
}
