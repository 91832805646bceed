package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.azure.AzureMonitorMetricsListReader;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Hourly "Percentage CPU" (average and maximum) of virtual machines over the last days, through Azure Monitor's
 * metrics batch API ({@code POST {endpoint}/subscriptions/{id}/metrics:getBatch}). One call holds at most
 * {@link #RESOURCES_PER_CALL} VMs of one subscription and one region, as the API requires, so 10,000 VMs take about
 * 200 calls instead of 10,000. Each element of an answer's {@code values} is what {@code az monitor metrics list}
 * prints for one VM, and goes through the same mapping. A call that fails, stays throttled or answers something
 * unreadable is a coverage gap naming subscription, region and call; the other calls go on. A VM without data points
 * keeps an unknown CPU, never a low one.
 */
final class CpuMetricsBatches {

    /** A virtual machine whose CPU to read: its resource id and its region, as Resource Graph lists them. */
    record Vm(String id, String region) {
    }

    /** The batch API's limit of resource ids per call. */
    static final int RESOURCES_PER_CALL = 50;
    /** The stable version of the batch API documented in the REST reference. */
    static final String API_VERSION = "2024-02-01";
    static final String OPERATION = "Microsoft.Insights/metrics:getBatch";
    static final String NAMESPACE = "Microsoft.Compute/virtualMachines";
    static final String METRIC = "Percentage CPU";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AzureRest rest;
    private final Function<String, String> endpointOfRegion;
    private final int days;

    /**
     * @param rest             calls with a token for the metrics API's scope
     * @param endpointOfRegion the metrics base URL for a region, e.g. {@code https://westeurope.metrics.monitor.azure.com}
     * @param days             how many days back from the last full hour to read
     */
    CpuMetricsBatches(AzureRest rest, Function<String, String> endpointOfRegion, int days) {
        this.rest = rest;
        this.endpointOfRegion = endpointOfRegion;
        this.days = days;
    }

    /** Reads the CPU of every VM into the builder, one batch at a time, in a repeatable order. */
    void collect(List<Vm> vms, Instant now, InventoryBuilder builder) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(days));
        for (Map.Entry<String, List<String>> group : bySubscriptionAndRegion(vms).entrySet()) {
            String[] where = group.getKey().split("\\|", 2);
            List<String> ids = group.getValue();
            for (int from = 0; from < ids.size(); from += RESOURCES_PER_CALL) {
                batch(where[0], where[1], ids.subList(from, Math.min(from + RESOURCES_PER_CALL, ids.size())), start,
                        end, builder);
            }
        }
    }

    private static Map<String, List<String>> bySubscriptionAndRegion(List<Vm> vms) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Vm vm : vms) {
            String subscription = subscriptionOf(vm.id());
            if (subscription == null || vm.region() == null || vm.region().isBlank()) {
                continue; // not a resource id, or no region to ask: the VM's CPU stays unknown
            }
            groups.computeIfAbsent(subscription.toLowerCase(Locale.ROOT) + "|" + vm.region().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(vm.id());
        }
        groups.values().forEach(ids -> ids.sort(String.CASE_INSENSITIVE_ORDER));
        return groups;
    }

    private void batch(String subscription, String region, List<String> ids, Instant start, Instant end,
                       InventoryBuilder builder) {
        String url = endpointOfRegion.apply(region).replaceAll("/+$", "") + "/subscriptions/" + subscription
                + "/metrics:getBatch?metricnamespace=" + encode(NAMESPACE) + "&metricnames=" + encode(METRIC)
                + "&starttime=" + encode(TIME.format(start)) + "&endtime=" + encode(TIME.format(end))
                + "&interval=PT1H&aggregation=average,maximum&api-version=" + API_VERSION;
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("resourceids")::add);
        String call = "Azure Monitor " + OPERATION + " (" + METRIC + " of " + ids.size() + " virtual machines)";
        try {
            map(rest.query(OPERATION, url, body), new ReadContext(call + " in " + subscription + "/" + region,
                    subscription, region, builder));
        } catch (AzureRest.Failed e) {
            builder.gap(new CoverageGap(Provider.AZURE, subscription, region, call, e.getMessage()));
        } catch (InventoryFormatException | IOException e) {
            builder.gap(new CoverageGap(Provider.AZURE, subscription, region, call,
                    "the answer is not the documented metrics batch format: " + e.getMessage()));
        }
    }

    /** Each element of {@code values} is one VM's metrics list, read by the reader of {@code az monitor metrics list}. */
    private static void map(byte[] answer, ReadContext context) throws IOException {
        AzureMonitorMetricsListReader reader = new AzureMonitorMetricsListReader();
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw context.fail(parser, "expected an object with a 'values' list");
            }
            boolean values = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"values".equals(key)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw context.fail(parser, "expected 'values' to be a list");
                }
                values = true;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    reader.read(JSON.treeAsTokens(JSON.readTree(parser)), context);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw context.fail(parser, "expected each element of 'values' to be one resource's metrics");
                }
            }
            if (!values) {
                throw context.fail(parser, "expected an object with a 'values' list");
            }
        }
    }

    private static String subscriptionOf(String resourceId) {
        String[] parts = resourceId.split("/");
        return parts.length > 2 && parts[0].isEmpty() && parts[1].equalsIgnoreCase("subscriptions") ? parts[2] : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
