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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics batch API as Azure Monitor documents it, answered by a local HTTPS server, called through azure-core's
 * pipeline with DefaultAzureCredential: batching, throttling, denial and broken answers.
 */
class CpuMetricsBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUB_A = "0b7e3c1a-9d2f-4a6b-8e5c-1f2a3b4c5d6e";
    private static final String SUB_B = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    /** Half past: the window ends at the last full hour. */
    private static final Instant NOW = Instant.parse("2026-11-30T10:30:00Z");

    private final AzureTestServer server = AzureTestServer.start();
    private final InventoryBuilder builder = new InventoryBuilder(LocalDate.of(2026, 11, 30));
    private final List<CpuMetricsBatches.Vm> vms = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void vmsGoFiftyToACallPerSubscriptionAndRegionAndEachGetsItsCpu() {
        List<String> west = vms(SUB_A, "westeurope", 120);
        List<String> north = vms(SUB_A, "northeurope", 3);
        answer(SUB_A, "westeurope", west.subList(0, 50), ok(west.subList(0, 50), 50.0));
        answer(SUB_A, "westeurope", west.subList(50, 100), ok(west.subList(50, 100), 50.0));
        answer(SUB_A, "westeurope", west.subList(100, 120), ok(west.subList(100, 120), 97.0));
        answer(SUB_A, "northeurope", north, ok(north, 10.0));

        Inventory inventory = collect();

        assertThat(inventory.gaps()).isEmpty();
        assertThat(cpu(inventory, west.get(0)).averagePercent()).isEqualTo(50.0);
        assertThat(cpu(inventory, west.get(119))).isEqualTo(new CpuStatistics(1, 97.0, 100.0));
        assertThat(cpu(inventory, north.get(2)).averagePercent()).isEqualTo(10.0);
        List<LoggedRequest> calls = metricCalls();
        assertThat(calls).as("three calls for 120 VMs in one region, one for the other region").hasSize(4).allSatisfy(call -> {
            assertThat(call.getMethod().getName()).isEqualTo("POST");
            assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + AzureTestServer.ACCESS_TOKEN);
            assertThat(call.queryParameter("metricnamespace").firstValue()).isEqualTo("Microsoft.Compute/virtualMachines");
            assertThat(call.queryParameter("metricnames").firstValue()).isEqualTo("Percentage CPU");
            assertThat(call.queryParameter("aggregation").firstValue()).isEqualTo("average,maximum");
            assertThat(call.queryParameter("interval").firstValue()).isEqualTo("PT1H");
            assertThat(call.queryParameter("starttime").firstValue()).isEqualTo("2026-11-16T10:00:00.000Z");
            assertThat(call.queryParameter("endtime").firstValue()).isEqualTo("2026-11-30T10:00:00.000Z");
            assertThat(call.queryParameter("api-version").firstValue()).isEqualTo("2024-02-01");
            assertThat(body(call).path("resourceids").size()).isBetween(1, 50);
        });
        assertThat(server.requests()).filteredOn(r -> r.getUrl().contains("/oauth2/")).singleElement()
                .satisfies(token -> assertThat(token.getBodyAsString())
                        .contains("https%3A%2F%2Fmetrics.monitor.azure.com%2F.default"));
    }

    @Test
    void aThrottledBatchIsRetriedAfterWhatRetryAfterSaysOrWithBackOffWhenItSaysNothing() {
        List<String> west = vms(SUB_A, "westeurope", 2);
        List<String> north = vms(SUB_A, "northeurope", 1);
        throttleOnce(SUB_A, "westeurope", west, aResponse().withStatus(429).withHeader("Retry-After", "1"));
        throttleOnce(SUB_A, "northeurope", north, aResponse().withStatus(429));

        Inventory inventory = collect();

        assertThat(inventory.gaps()).isEmpty();
        assertThat(cpu(inventory, west.get(1))).isNotNull();
        assertThat(cpu(inventory, north.get(0))).isNotNull();
        List<LoggedRequest> calls = metricCalls();
        assertThat(calls).hasSize(4);
        assertThat(calls.get(3).getLoggedDate().getTime() - calls.get(2).getLoggedDate().getTime())
                .as("the westeurope retry waits the second Retry-After asks for").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aBatchStillThrottledAfterTheRetriesIsAGapAndTheOthersGoOn() {
        List<String> west = vms(SUB_A, "westeurope", 2);
        List<String> north = vms(SUB_A, "northeurope", 1);
        answer(SUB_A, "westeurope", west, aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}"));
        answer(SUB_A, "northeurope", north, ok(north, 5.0));

        Inventory inventory = collect();

        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(SUB_A);
            assertThat(gap.region()).isEqualTo("westeurope");
            assertThat(gap.what()).contains("metrics:getBatch").contains("Percentage CPU of 2 virtual machines");
            assertThat(gap.reason()).contains("HTTP 429 TooManyRequests").contains("throttled");
        });
        assertThat(cpu(inventory, west.get(0))).as("unknown, not low").isNull();
        assertThat(cpu(inventory, north.get(0)).averagePercent()).isEqualTo(5.0);
        assertThat(metricCalls()).as("the first try and three retries, then the next batch").hasSize(5);
    }

    @Test
    void aForbiddenSubscriptionIsAGapNamingItAndTheOtherSubscriptionIsRead() {
        List<String> denied = vms(SUB_A, "westeurope", 1);
        List<String> allowed = vms(SUB_B, "westeurope", 1);
        answer(SUB_A, "westeurope", denied, aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have "
                        + "authorization to perform action 'Microsoft.Insights/Metrics/Read'.\\nTrace: x\"}}"));
        answer(SUB_B, "westeurope", allowed, ok(allowed, 20.0));

        Inventory inventory = collect();

        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(SUB_A);
            assertThat(gap.reason()).startsWith("HTTP 403 AuthorizationFailed: The client does not have")
                    .doesNotContain("Trace").contains("docs/live-azure.md")
                    .doesNotContain(AzureTestServer.ACCESS_TOKEN);
        });
        assertThat(cpu(inventory, allowed.get(0)).averagePercent()).isEqualTo(20.0);
        assertThat(metricCalls()).as("a 403 is not retried").hasSize(2);
    }

    @Test
    void aMalformedAnswerIsAGapAndTheNextBatchIsRead() {
        List<String> west = vms(SUB_A, "westeurope", 1);
        List<String> north = vms(SUB_A, "northeurope", 1);
        answer(SUB_A, "westeurope", west, okJson("{\"values\": [{\"value\": [{\"id\": \"" + west.get(0)
                + "/providers/Microsoft.Insights/metrics/Percentage CPU\", \"type\": \"Microsoft.Insights/metrics\", "
                + "\"name\": {\"value\": \"Percentage CPU\"}, \"timeseries\": [{\"data\": [{\"timeStamp\": "
                + "\"yesterday\", \"average\": 5}]}]}]}]}"));
        answer(SUB_A, "northeurope", north, okJson("{\"values\": [ {\"cost\": 1"));

        Inventory inventory = collect();

        assertThat(inventory.gaps()).extracting(CoverageGap::region).containsExactly("northeurope", "westeurope");
        assertThat(inventory.gaps()).allSatisfy(gap -> assertThat(gap.reason())
                .startsWith("the answer is not the documented metrics batch format: "));
        assertThat(inventory.gaps().get(1).reason()).contains("expected each data point to have a 'timeStamp'");
        assertThat(cpu(inventory, west.get(0))).isNull();
    }

    @Test
    void aVmWithoutDataPointsOrWhoseMetricFailedHasAnUnknownCpu() {
        List<String> west = vms(SUB_A, "westeurope", 3);
        ObjectNode answer = okBody(west, 50.0);
        ArrayNode values = (ArrayNode) answer.get("values");
        metric(values.get(0)).putArray("timeseries");
        metric(values.get(1)).withArray("timeseries").forEach(series -> series.withArray("data")
                .forEach(point -> ((ObjectNode) point).remove(List.of("average", "maximum"))));
        metric(values.get(2)).put("errorCode", "ResourceNotFound").put("errorMessage", "Resource was not found");
        answer(SUB_A, "westeurope", west, okJson(answer.toString()));

        Inventory inventory = collect();

        assertThat(west).allSatisfy(id -> assertThat(cpu(inventory, id)).isNull());
        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.what()).isEqualTo("Percentage CPU of " + west.get(2));
            assertThat(gap.reason()).isEqualTo("ResourceNotFound: Resource was not found");
        });
    }

    private Inventory collect() {
        AzureRest rest = LiveAzureTestSupport.rest(server, "https://metrics.monitor.azure.com/.default");
        Function<String, String> endpoint = region -> server.baseUrl() + "/" + region;
        new CpuMetricsBatches(rest, endpoint, 14).collect(vms, NOW, builder);
        return builder.build();
    }

    private List<String> vms(String subscription, String region, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "/subscriptions/" + subscription + "/resourceGroups/rg-" + region + "/providers/"
                    + "Microsoft.Compute/virtualMachines/vm-%03d".formatted(i);
            ids.add(id);
            vms.add(new CpuMetricsBatches.Vm(id, region));
            builder.server(Server.builder().provider(Provider.AZURE).id(id).name(region + "-" + i)
                    .account(subscription).region(region).build());
        }
        return ids;
    }

    /** The answer to the batch of exactly these ids, in this order. */
    private void answer(String subscription, String region, List<String> ids, ResponseDefinitionBuilder response) {
        server.wireMock().stubFor(post(urlPathEqualTo(path(subscription, region))).atPriority(1)
                .withRequestBody(equalToJson(batch(ids))).willReturn(response));
    }

    private void throttleOnce(String subscription, String region, List<String> ids, ResponseDefinitionBuilder first) {
        String scenario = subscription + region;
        server.wireMock().stubFor(post(urlPathEqualTo(path(subscription, region))).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("answered")
                .withRequestBody(equalToJson(batch(ids))).willReturn(first));
        server.wireMock().stubFor(post(urlPathEqualTo(path(subscription, region))).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs("answered")
                .withRequestBody(equalToJson(batch(ids))).willReturn(ok(ids, 50.0)));
    }

    private static String path(String subscription, String region) {
        return "/" + region + "/subscriptions/" + subscription + "/metrics:getBatch";
    }

    private static String batch(List<String> ids) {
        ObjectNode body = JSON.createObjectNode();
        ids.forEach(body.putArray("resourceids")::add);
        return body.toString();
    }

    private static ResponseDefinitionBuilder ok(List<String> ids, double average) {
        return okJson(okBody(ids, average).toString());
    }

    /**
     * The documented batch answer: per VM the metrics list {@code az monitor metrics list} prints, with
     * {@code resourceid} added; 24 hourly points of the given average and a maximum of 100.
     */
    private static ObjectNode okBody(List<String> ids, double average) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode values = answer.putArray("values");
        for (String id : ids) {
            ObjectNode resource = values.addObject().put("starttime", "2026-11-16T10:00:00Z")
                    .put("endtime", "2026-11-30T10:00:00Z").put("interval", "PT1H")
                    .put("namespace", "microsoft.compute/virtualmachines").put("resourceregion", "westeurope")
                    .put("resourceid", id);
            ObjectNode metric = resource.putArray("value").addObject()
                    .put("id", id + "/providers/Microsoft.Insights/metrics/Percentage CPU")
                    .put("type", "Microsoft.Insights/metrics").put("displayDescription", "The percentage of allocated "
                            + "compute units that are currently in use by the Virtual Machine(s)")
                    .put("unit", "Percent").put("errorCode", "Success");
            metric.putObject("name").put("value", "Percentage CPU").put("localizedValue", "Percentage CPU");
            ObjectNode series = metric.putArray("timeseries").addObject();
            series.putArray("metadatavalues");
            ArrayNode data = series.putArray("data");
            for (int hour = 0; hour < 24; hour++) {
                data.addObject().put("timeStamp", Instant.parse("2026-11-29T10:00:00Z").plusSeconds(3600L * hour)
                        .toString()).put("average", average).put("maximum", 100.0);
            }
        }
        return answer;
    }

    private static ObjectNode metric(JsonNode resource) {
        return (ObjectNode) resource.get("value").get(0);
    }

    private List<LoggedRequest> metricCalls() {
        return server.requests().stream().filter(r -> r.getUrl().contains("metrics:getBatch")).toList();
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CpuStatistics cpu(Inventory inventory, String id) {
        Map<String, Server> byId = inventory.servers().stream().collect(Collectors.toMap(Server::id, s -> s));
        return byId.get(id).cpu();
    }
}
