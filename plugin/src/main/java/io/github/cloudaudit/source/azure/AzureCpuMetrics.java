package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.CpuSamples;
import io.github.cloudaudit.source.Timestamps;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Maps a "Percentage CPU" metric (Microsoft.Insights/metrics, as {@code az monitor metrics list} prints it) to the
 * CPU statistics of the VM its id names: the id is the VM's id followed by
 * {@code /providers/Microsoft.Insights/metrics/Percentage CPU}. The average is the mean of the intervals' averages,
 * the maximum the highest maximum (or average, when no maximum was asked for), the days the span of the intervals.
 * The same metric comes from the metrics batch API, one such listing per VM. A metric the service could not read
 * ({@code errorCode} other than Success) is a coverage gap; one without samples leaves the CPU unknown.
 */
final class AzureCpuMetrics {

    private static final String METRICS_SUFFIX = "/providers/microsoft.insights/metrics/";

    private AzureCpuMetrics() {
    }

    static void map(AzureResource metric) {
        if (!"Percentage CPU".equalsIgnoreCase(AzureResource.text(metric.field("name", "value")))) {
            return; // other metrics of the same listing say nothing about mining
        }
        String id = metric.id();
        int end = id.toLowerCase(Locale.ROOT).indexOf(METRICS_SUFFIX);
        if (end < 0) {
            throw metric.fail("expected the metric's id to be a VM id followed by " + METRICS_SUFFIX + "Percentage CPU");
        }
        String vmId = id.substring(0, end);
        String error = AzureResource.text(metric.field("errorCode"));
        if (error != null && !error.equalsIgnoreCase("Success")) {
            String message = AzureResource.text(metric.field("errorMessage"));
            metric.builder().gap(new CoverageGap(Provider.AZURE, metric.subscription(), null,
                    "Percentage CPU of " + vmId, message == null ? error : error + ": " + message));
            return; // the service could not read this VM's metric: its CPU stays unknown
        }
        CpuSamples samples = new CpuSamples();
        JsonNode series = metric.field("timeseries");
        for (JsonNode timeseries : series == null ? List.<JsonNode>of() : series) {
            for (JsonNode point : timeseries.path("data")) {
                JsonNode average = point.get("average");
                if (average == null || average.isNull()) {
                    continue; // an interval without samples (the VM was stopped)
                }
                if (!average.isNumber()) {
                    throw metric.fail("expected 'average' values to be numbers, found " + average);
                }
                JsonNode maximum = point.get("maximum");
                samples.add(timestamp(metric, point.get("timeStamp")), average.doubleValue(),
                        maximum != null && maximum.isNumber() ? maximum.doubleValue() : average.doubleValue());
            }
        }
        samples.statistics().ifPresent(cpu -> metric.builder().cpu(Provider.AZURE, vmId, cpu));
    }

    private static Instant timestamp(AzureResource metric, JsonNode node) {
        String text = AzureResource.text(node);
        try {
            return Timestamps.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            throw metric.fail("expected each data point to have a 'timeStamp' such as 2026-11-22T23:00:00Z, found " + node);
        }
    }
}
