package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.CpuSamples;
import io.github.cloudaudit.source.Timestamps;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code aws cloudwatch get-metric-data}: CPU utilization of servers, one query per server, exported as
 * the README's export script shows: the query's {@code Label} is the EC2 instance id or RDS DB instance identifier
 * (its {@code Id}, which may hold only letters, digits and underscores, is read with underscores as dashes when the
 * label is missing), the metric {@code CPUUtilization}, the statistic {@code Average} over equal periods. The
 * average is the mean of the periods, the maximum the busiest period, and the days covered the span of the
 * periods returned.
 */
public final class CloudWatchMetricDataReader extends AwsCliReader {

    public CloudWatchMetricDataReader() {
        super("cloudwatch get-metric-data", "MetricDataResults");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return new ListingHandler() {
            @Override
            public void item(String key, AwsItem result) {
                String label = result.text("Label");
                String id = result.text("Id");
                String server = label != null && !label.isBlank() ? label : id == null ? null : id.replace('_', '-');
                if (server == null) {
                    throw result.fail("to have a 'Label' or 'Id' naming the server");
                }
                statistics(result).ifPresent(cpu -> listing.builder().cpu(Provider.AWS, server, cpu));
            }

            // A NextToken left in the output is a coverage gap, as in every AWS reader (Listing.reportTruncation).
        };
    }

    private static Optional<CpuStatistics> statistics(AwsItem result) {
        JsonNode values = result.node().path("Values");
        JsonNode timestamps = result.node().path("Timestamps");
        if (!values.isArray() || !timestamps.isArray() || timestamps.size() != values.size()) {
            throw result.fail("to have a 'Values' list and a 'Timestamps' list of the same length");
        }
        CpuSamples samples = new CpuSamples();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isNumber()) {
                throw result.fail("to hold numbers in 'Values', found " + values.get(i));
            }
            double value = values.get(i).doubleValue();
            samples.add(timestamp(result, timestamps.get(i)), value, value);
        }
        return samples.statistics();
    }

    private static Instant timestamp(AwsItem result, JsonNode node) {
        try {
            return Timestamps.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw result.fail("to hold timestamps such as 2026-11-22T23:00:00+00:00 in 'Timestamps', found " + node);
        }
    }
}
