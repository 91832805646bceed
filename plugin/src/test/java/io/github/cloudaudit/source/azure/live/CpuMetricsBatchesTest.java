package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metrics batch API as Azure Monitor documents it, answered by a local HTTPS server, called through the live
 * source's pipeline with DefaultAzureCredential: batching, throttling, denial and broken answers.
 */
class CpuMetricsBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUB_A = "0b7e3c1a-9d2f-4a6b-8e5c-1f2a3b4c5d6e";
    private static final String SUB_B = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    /** Half past: the window ends at the last full hour. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:30:00Z"), ZoneOffset.UTC);

    private final AzureTestServer server = AzureTestServer.start();
    private final InventoryBuilder builder = new InventoryBuilder(LocalDate.of(2026, 11, 30));
    /** Resource Graph's VM rows, by subscription. */
    private final Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
    private LiveAzureTestSupport live;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void vmsGoFiftyToACallPerRegionAndEachGetsItsCpu() throws IOException {
        List<String> west = vms(SUB_A, "westeurope", 120);
        List<String> north = vms(SUB_A, "northeurope", 3);
        answer(SUB_A, west.subList(0, 50), ok(west.subList(0, 50), 50.0));
        answer(SUB_A, west.subList(50, 100), ok(west.subList(50, 100), 50.0));
        answer(SUB_A, west.subList(100, 120), ok(west.subList(100, 120), 97.0));
        answer(SUB_A, north, ok(north, 10.0));

        Inventory inventory = collect(4);

        assertThat(inventory.gaps()).isEmpty();
        assertThat(cpu(inventory, west.get(0)).averagePercent()).isEqualTo(50.0);
        assertThat(cpu(inventory, west.get(119))).isEqualTo(new CpuStatistics(1, 97.0, 100.0));
        assertThat(cpu(inventory, north.get(2)).averagePercent()).isEqualTo(10.0);
        assertThat(metricCalls()).as("three calls for 120 VMs in one region, one for the other region").hasSize(4)
                .allSatisfy(call -> {
                    assertThat(call.getMethod().getName()).isEqualTo("POST");
                    assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + AzureTestServer.ACCESS_TOKEN);
                    assertThat(param(call, "metricnamespace")).isEqualTo("Microsoft.Compute/virtualMachines");
                    assertThat(param(call, "metricnames")).isEqualTo("Percentage CPU");
                    assertThat(param(call, "aggregation")).isEqualTo("average,maximum");
                    assertThat(param(call, "interval")).isEqualTo("PT1H");
                    assertThat(param(call, "starttime")).isEqualTo("2026-11-16T10:00:00.000Z");
                    assertThat(param(call, "endtime")).isEqualTo("2026-11-30T10:00:00.000Z");
                    assertThat(param(call, "api-version")).isEqualTo("2024-02-01");
                    assertThat(body(call).path("resourceids").size()).isBetween(1, 50);
                });
        assertThat(server.requests()).filteredOn(r -> r.getUrl().contains("/oauth2/"))
                .anySatisfy(token -> assertThat(token.getBodyAsString())
                        .contains("https%3A%2F%2Fmetrics.monitor.azure.com%2F.default"));
        assertThat(live.calls()).containsEntry("insights:metrics:getBatch", 4L);
    }

    @Test
    void aSubscriptionsCallsOverlapAtMostFourAtATimeAndTheirAnswersAreTakenInTheCallsOrder() throws IOException {
        int slow = 1000;
        List<String> west = vms(SUB_A, "westeurope", 8 * CpuMetricsBatches.RESOURCES_PER_CALL);
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < west.size(); from += CpuMetricsBatches.RESOURCES_PER_CALL) {
            batches.add(west.subList(from, from + CpuMetricsBatches.RESOURCES_PER_CALL));
        }
        // The first call is refused after the second: their gaps still come in the calls' order.
        answer(SUB_A, batches.get(0), denied("FirstRefused").withFixedDelay(2 * slow));
        answer(SUB_A, batches.get(1), denied("SecondRefused").withFixedDelay(slow));
        for (int i = 2; i < batches.size(); i++) {
            answer(SUB_A, batches.get(i), ok(batches.get(i), 10.0 + i).withFixedDelay(slow));
        }

        Inventory inventory = collect(1);

        assertThat(inventory.gaps()).extracting(CoverageGap::reason)
                .satisfiesExactly(reason -> assertThat(reason).startsWith("FirstRefused (HTTP 403)"),
                        reason -> assertThat(reason).startsWith("SecondRefused (HTTP 403)"));
        assertThat(cpu(inventory, west.get(399)).averagePercent()).isEqualTo(17.0);
        // Every call lasts at least `slow`, so calls that arrive within `slow` of each other were all in flight.
        List<Long> arrivals = metricCalls().stream().map(call -> call.getLoggedDate().getTime()).sorted().toList();
        int mostAtOnce = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            long from = arrivals.get(i);
            long inFlight = arrivals.stream().filter(t -> t >= from && t < from + slow).count();
            mostAtOnce = Math.max(mostAtOnce, (int) inFlight);
        }
        assertThat(arrivals).hasSize(8);
        assertThat(mostAtOnce).as("calls in flight at once").isBetween(2, CpuMetricsBatches.CONCURRENT_CALLS);
    }

    @Test
    void aThrottledBatchIsRetriedAfterWhatRetryAfterSaysOrWithBackOffWhenItSaysNothing() throws IOException {
        List<String> west = vms(SUB_A, "westeurope", 2);
        List<String> north = vms(SUB_A, "northeurope", 1);
        throttleOnce(SUB_A, north, aResponse().withStatus(429));
        throttleOnce(SUB_A, west, aResponse().withStatus(429).withHeader("Retry-After", "2"));

        Inventory inventory = collect(4);

        assertThat(inventory.gaps()).isEmpty();
        assertThat(cpu(inventory, west.get(1))).isNotNull();
        assertThat(cpu(inventory, north.get(0))).isNotNull();
        assertThat(metricCalls()).hasSize(4);
        // The two regions' calls overlap, so the westeurope ones are picked out by the VMs they ask for.
        List<LoggedRequest> westCalls = metricCalls().stream()
                .filter(call -> body(call).path("resourceids").path(0).asText().equals(west.get(0))).toList();
        assertThat(westCalls).hasSize(2);
        assertThat(westCalls.get(1).getLoggedDate().getTime() - westCalls.get(0).getLoggedDate().getTime())
                .as("the westeurope retry waits the two seconds Retry-After asks for").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void aBatchStillThrottledAfterTheRetriesIsAGapAndTheOthersGoOn() throws IOException {
        List<String> west = vms(SUB_A, "westeurope", 2);
        List<String> north = vms(SUB_A, "northeurope", 1);
        answer(SUB_A, north, aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}"));
        answer(SUB_A, west, ok(west, 5.0));

        Inventory inventory = collect(2);

        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(SUB_A);
            assertThat(gap.region()).isEqualTo("northeurope");
            assertThat(gap.what()).isEqualTo("Azure Monitor metrics:getBatch (Percentage CPU of 1 virtual machines)");
            assertThat(gap.reason()).startsWith("TooManyRequests (HTTP 429)");
        });
        assertThat(cpu(inventory, north.get(0))).as("unknown, not low").isNull();
        assertThat(cpu(inventory, west.get(0)).averagePercent()).isEqualTo(5.0);
        assertThat(metricCalls()).as("two attempts, then the next batch").hasSize(3);
        assertThat(live.calls()).as("retries count").containsEntry("insights:metrics:getBatch", 3L);
    }

    @Test
    void aForbiddenSubscriptionIsAGapNamingItAndTheOtherSubscriptionIsRead() throws IOException {
        List<String> denied = vms(SUB_A, "westeurope", 1);
        List<String> allowed = vms(SUB_B, "westeurope", 1);
        answer(SUB_A, denied, aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have "
                        + "authorization to perform action 'Microsoft.Insights/Metrics/Read'.\"}}"));
        answer(SUB_B, allowed, ok(allowed, 20.0));

        Inventory inventory = collect(4);

        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(SUB_A);
            assertThat(gap.reason()).startsWith("AuthorizationFailed (HTTP 403)").contains("docs/live-azure.md")
                    .doesNotContain(AzureTestServer.ACCESS_TOKEN);
        });
        assertThat(cpu(inventory, allowed.get(0)).averagePercent()).isEqualTo(20.0);
        assertThat(metricCalls()).as("a 403 is not retried").hasSize(2);
    }

    @Test
    void anAnswerCutOffIsAGapAndTheNextBatchIsRead() throws IOException {
        List<String> west = vms(SUB_A, "westeurope", 1);
        List<String> north = vms(SUB_A, "northeurope", 1);
        answer(SUB_A, north, okJson("{\"values\": [ {\"cost\": 1"));
        answer(SUB_A, west, ok(west, 30.0));

        Inventory inventory = collect(4);

        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.region()).isEqualTo("northeurope");
            assertThat(gap.reason()).startsWith("the answer is not JSON: ");
        });
        assertThat(cpu(inventory, west.get(0)).averagePercent()).isEqualTo(30.0);
    }

    @Test
    void anAnswerThatIsNotTheDocumentedFormatIsAClearErrorNamingTheCall() {
        List<String> west = vms(SUB_A, "westeurope", 1);
        ObjectNode answer = okBody(west, 50.0);
        ((ObjectNode) metric(answer.get("values").get(0)).withArray("timeseries").get(0)).withArray("data").addObject()
                .put("timeStamp", "yesterday").put("average", 5);
        answer(SUB_A, west, okJson(answer.toString()));

        assertThatThrownBy(() -> collect(4)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("Azure Monitor metrics:getBatch (Percentage CPU of 1 virtual machines) in "
                        + SUB_A + "/westeurope: ")
                .hasMessageContaining("expected each data point to have a 'timeStamp'");
    }

    @Test
    void aVmWithoutDataPointsOrWhoseMetricFailedHasAnUnknownCpu() throws IOException {
        List<String> west = vms(SUB_A, "westeurope", 3);
        ObjectNode answer = okBody(west, 50.0);
        ArrayNode values = (ArrayNode) answer.get("values");
        metric(values.get(0)).putArray("timeseries");
        metric(values.get(1)).withArray("timeseries").forEach(series -> series.withArray("data")
                .forEach(point -> ((ObjectNode) point).remove(List.of("average", "maximum"))));
        metric(values.get(2)).put("errorCode", "ResourceNotFound").put("errorMessage", "Resource was not found");
        answer(SUB_A, west, okJson(answer.toString()));

        Inventory inventory = collect(4);

        assertThat(west).allSatisfy(id -> assertThat(cpu(inventory, id)).isNull());
        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.what()).isEqualTo("Percentage CPU of " + west.get(2));
            assertThat(gap.reason()).isEqualTo("ResourceNotFound: Resource was not found");
        });
    }

    @Test
    void aLocationThatIsNoRegionNameNeverBecomesTheHostATokenGoesTo() throws IOException {
        List<String> west = vms(SUB_A, "westeurope", 1);
        List<String> odd = vms(SUB_A, "evil.example.com#", 1);
        vms(SUB_A, "", 1);
        answer(SUB_A, west, ok(west, 40.0));

        Inventory inventory = collect(4);

        assertThat(inventory.gaps()).extracting(CoverageGap::reason).containsExactly(
                "their location '' is not a region name such as westeurope",
                "their location 'evil.example.com#' is not a region name such as westeurope");
        assertThat(cpu(inventory, odd.get(0))).isNull();
        assertThat(cpu(inventory, west.get(0)).averagePercent()).isEqualTo(40.0);
        assertThat(metricCalls()).hasSize(1);
    }

    private Inventory collect(int attempts) throws IOException {
        live = new LiveAzureTestSupport(server, attempts);
        CpuMetricsBatches metrics = new CpuMetricsBatches(CLOCK);
        for (Map.Entry<String, List<JsonNode>> subscription : rows.entrySet()) {
            metrics.collect(live.reading(subscription.getKey(), subscription.getValue(), builder));
        }
        return builder.build();
    }

    private List<String> vms(String subscription, String region, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "/subscriptions/" + subscription + "/resourceGroups/rg-" + region + "/providers/"
                    + "Microsoft.Compute/virtualMachines/vm-%03d".formatted(i);
            ids.add(id);
            rows.computeIfAbsent(subscription, s -> new ArrayList<>())
                    .add(JSON.createObjectNode().put("id", id).put("location", region));
            builder.server(Server.builder().provider(Provider.AZURE).id(id).name(region + "-" + i)
                    .account(subscription).region(region).build());
        }
        return ids;
    }

    /** The answer to the batch of exactly these ids, in this order. */
    private void answer(String subscription, List<String> ids, ResponseDefinitionBuilder response) {
        server.wireMock().stubFor(post(urlPathEqualTo(path(subscription))).atPriority(1)
                .withRequestBody(equalToJson(batch(ids))).willReturn(response));
    }

    private void throttleOnce(String subscription, List<String> ids, ResponseDefinitionBuilder first) {
        String scenario = String.join(",", ids);
        server.wireMock().stubFor(post(urlPathEqualTo(path(subscription))).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("answered")
                .withRequestBody(equalToJson(batch(ids))).willReturn(first));
        server.wireMock().stubFor(post(urlPathEqualTo(path(subscription))).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs("answered")
                .withRequestBody(equalToJson(batch(ids))).willReturn(ok(ids, 50.0)));
    }

    private static String path(String subscription) {
        return "/subscriptions/" + subscription + "/metrics:getBatch";
    }

    private static String batch(List<String> ids) {
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("resourceids")::add);
        return body.toString();
    }

    private static ResponseDefinitionBuilder denied(String code) {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"denied\"}}");
    }

    private static ResponseDefinitionBuilder ok(List<String> ids, double average) {
        return okJson(okBody(ids, average).toString());
    }

    /** The documented batch answer with 24 hourly points of the given average, up to the end of the window. */
    static ObjectNode okBody(List<String> ids, double average) {
        return MetricsBatchFake.answer(ids, average, 24);
    }

    private static ObjectNode metric(JsonNode resource) {
        return (ObjectNode) resource.get("value").get(0);
    }

    private List<LoggedRequest> metricCalls() {
        return server.requests().stream().filter(r -> r.getUrl().contains("metrics:getBatch")).toList();
    }

    private static String param(LoggedRequest request, String name) {
        return request.queryParameter(name).firstValue();
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CpuStatistics cpu(Inventory inventory, String id) {
        return inventory.servers().stream().filter(server -> server.id().equals(id)).findFirst()
                .orElseThrow().cpu();
    }
}
