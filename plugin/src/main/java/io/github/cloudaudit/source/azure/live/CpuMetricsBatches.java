package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpPipeline;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.parallel.InOrder;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.azure.AzureMonitorMetricsListReader;
import io.github.cloudaudit.text.SafeText;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import java.util.regex.Pattern;

/**
 * Hourly "Percentage CPU" (average and maximum) of a subscription's virtual machines over the last
 * {@code metricsDays}, through Azure Monitor's metrics batch API
 * ({@code POST {endpoint}/subscriptions/{id}/metrics:getBatch}). One call holds at most {@link #RESOURCES_PER_CALL}
 * VMs of one region, as the API requires, so 10,000 VMs take about 200 calls instead of 10,000,
 * {@link #CONCURRENT_CALLS} at a time; their answers are mapped in the calls' order, so the inventory is the one calls
 * one after another would give. Each element of an answer's {@code values} is what {@code az monitor metrics list}
 * prints for one VM, and goes through the same mapping. A call that fails or stays throttled, or whose answer is not
 * JSON, is a coverage gap naming subscription, region and call, and the other calls go on; an answer that is JSON but
 * not the documented format is a clear error, as a file would be. A VM without data points keeps an unknown CPU, never
 * a low one.
 */
final class CpuMetricsBatches implements SubscriptionCollector {

    /** The batch API's limit of resource ids per call. */
    static final int RESOURCES_PER_CALL = 50;
    /** The batch API's current stable version in the REST specification. */
    static final String API_VERSION = "2024-02-01";
    static final String OPERATION = "insights:metrics:getBatch";
    private static final String NAMESPACE = "Microsoft.Compute/virtualMachines";
    private static final String METRIC = "Percentage CPU";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]*");

    /**
     * A subscription's calls sent at once. An answer holds 50 VMs' hourly points and is slow to come; four at a time
     * overlap the waiting with the mapping of answers already in. The API's documentation suggests parallel requests
     * for large queries; a throttled call waits as Retry-After says, as one alone would.
     */
    static final int CONCURRENT_CALLS = 4;

    private final Clock clock;
    private final int concurrentCalls;

    /** @param clock the window ends at the last full hour of its now */
    CpuMetricsBatches(Clock clock) {
        this(clock, CONCURRENT_CALLS);
    }

    /** With another number of calls at once, for the benchmark to compare. */
    CpuMetricsBatches(Clock clock, int concurrentCalls) {
        this.clock = clock;
        this.concurrentCalls = concurrentCalls;
    }

    @Override
    public void collect(SubscriptionReading reading) throws IOException {
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(reading.settings().metricsDays()));
        HttpPipeline pipeline = reading.pipeline(reading.settings().cloud().metricsScope());
        String subscription = reading.subscriptionId();
        List<InOrder.Task<Answer>> calls = new ArrayList<>();
        for (Map.Entry<String, List<String>> region : byRegion(reading.virtualMachines()).entrySet()) {
            List<String> ids = region.getValue();
            if (!REGION.matcher(region.getKey()).matches()) {
                // The region names the host the token goes to: only a region name may, never a host of its own.
                Answer refused = new Answer(null, ids.size(), null, "their location '"
                        + SafeText.line(region.getKey()) + "' is not a region name such as westeurope");
                calls.add(() -> refused);
                continue;
            }
            String url = reading.settings().metricsEndpoint(region.getKey()).toString().replaceAll("/+$", "")
                    + "/subscriptions/" + subscription + "/metrics:getBatch?metricnamespace=" + encode(NAMESPACE)
                    + "&metricnames=" + encode(METRIC) + "&starttime=" + encode(TIME.format(start)) + "&endtime="
                    + encode(TIME.format(end)) + "&interval=PT1H&aggregation=average,maximum&api-version="
                    + API_VERSION;
            for (int from = 0; from < ids.size(); from += RESOURCES_PER_CALL) {
                List<String> batch = ids.subList(from, Math.min(from + RESOURCES_PER_CALL, ids.size()));
                calls.add(() -> send(pipeline, url, region.getKey(), batch));
            }
        }
        // The calls overlap; their answers are mapped one after the other in the calls' order, as if sent so.
        InOrder.run("cloud-audit-azure-metrics-", "reading Azure Monitor metrics: the inventory is incomplete",
                calls, concurrentCalls, answer -> answer.mapInto(subscription, reading.builder()));
    }

    /** What one call gave: the answer's body, or why there is none (no region: it named none that may be called). */
    private record Answer(String region, int vms, byte[] body, String failure) {

        void mapInto(String subscription, InventoryBuilder builder) throws IOException {
            String call = CpuMetricsBatches.call(vms);
            if (failure != null) {
                builder.gap(new CoverageGap(Provider.AZURE, subscription, region, call, failure));
                return;
            }
            try {
                map(body, new ReadContext(call + " in " + subscription + "/" + region, subscription, region, builder));
            } catch (JsonProcessingException e) {
                // Cut off or garbled on the way: as good as no answer.
                builder.gap(new CoverageGap(Provider.AZURE, subscription, region, call,
                        "the answer is not JSON: " + e.getOriginalMessage()));
            }
        }
    }

    /** The VMs' ids by region, sorted, so that calls and the inventory come out the same on every run. */
    private static Map<String, List<String>> byRegion(List<JsonNode> vms) {
        Map<String, List<String>> regions = new TreeMap<>();
        for (JsonNode vm : vms) {
            String id = vm.path("id").asText("");
            String region = vm.path("location").asText("").toLowerCase(Locale.ROOT);
            if (!id.isBlank()) {
                regions.computeIfAbsent(region, k -> new ArrayList<>()).add(id);
            }
        }
        regions.values().forEach(ids -> ids.sort(String.CASE_INSENSITIVE_ORDER));
        return regions;
    }

    private static Answer send(HttpPipeline pipeline, String url, String region, List<String> ids) {
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("resourceids")::add);
        try {
            return new Answer(region, ids.size(), RestCalls.query(pipeline, OPERATION, url, body), null);
        } catch (RestCalls.Failed e) {
            return new Answer(region, ids.size(), null, e.getMessage());
        }
    }

    /** Each element of {@code values} is one VM's metrics list, read by the reader of az monitor metrics list. */
    private static void map(byte[] answer, ReadContext context) throws IOException {
        AzureMonitorMetricsListReader reader = new AzureMonitorMetricsListReader();
        boolean values = false;
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw context.fail(parser, "expected an object with a 'values' list");
            }
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

    /** The call as a coverage gap names it. */
    private static String call(int vms) {
        return "Azure Monitor metrics:getBatch (" + METRIC + " of " + vms + " virtual machines)";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
