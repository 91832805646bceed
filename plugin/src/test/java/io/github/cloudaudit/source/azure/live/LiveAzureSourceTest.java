package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cloudaudit.source.azure.live.ArmResources.cpuAlert;
import static io.github.cloudaudit.source.azure.live.ArmResources.defenderPlan;
import static io.github.cloudaudit.source.azure.live.ArmResources.monitorAgent;
import static io.github.cloudaudit.source.azure.live.ArmResources.vm;
import static io.github.cloudaudit.source.azure.live.ArmResources.vmId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SDK, identity included, against Azure's wire formats on a local HTTPS server. */
class LiveAzureSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROD = "3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813";
    static final String TEST = "8b1e4d2a-0c6f-4e3b-a5d7-91f2c3e4b560";
    static final String LAB = "c2d9f6a0-5e1b-4c8d-9a7f-3b6e0d2c1a94";

    private final AzureTestServer server = AzureTestServer.start();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private AzureSettings settings(String... subscriptions) {
        return AzureSettings.of(null, List.of(subscriptions), AzureCloud.AZURE_CLOUD,
                java.net.URI.create(server.baseUrl()), null);
    }

    private Inventory audit(AzureSettings settings, SubscriptionCollector... collectors) throws IOException {
        InventoryBuilder builder = new InventoryBuilder();
        new LiveAzureSource(settings, server.environment(), AzureTestServer.sslContext(), List.of(collectors))
                .collect(builder, new InventorySource.Log(log::add, log::add));
        return builder.build();
    }

    private static List<CoverageGap> gaps(Inventory inventory, String what) {
        return inventory.gaps().stream().filter(gap -> gap.what().equals(what)).toList();
    }

    @Test
    void everySubscriptionIsReadInOneQueryPagedAtAThousandRows() throws IOException {
        // Two subscriptions with the same display name stay two: everything is keyed by id.
        server.subscription(PROD, "Production").subscription(TEST, "Production");
        for (int i = 0; i < 1200; i++) {
            server.resource(vm(PROD, "prod-" + i));
        }
        for (int i = 0; i < 900; i++) {
            server.resource(vm(TEST, "test-" + i));
        }

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).hasSize(2100);
        assertThat(inventory.servers()).extracting(Server::account).containsOnly(PROD, TEST);
        assertThat(inventory.gaps()).isEmpty();
        List<JsonNode> queries = bodies(server.graphQueries());
        assertThat(queries).hasSize(4).allSatisfy(query -> {
            assertThat(query.path("subscriptions")).extracting(JsonNode::asText).containsExactly(PROD, TEST);
            assertThat(query.at("/options/$top").asInt()).isEqualTo(1000);
        });
        assertThat(queries).extracting(query -> query.path("query").asText()).containsExactly(
                LiveAzureSource.RESOURCES.kql(), LiveAzureSource.RESOURCES.kql(), LiveAzureSource.RESOURCES.kql(),
                LiveAzureSource.SECURITY_RESOURCES.kql());
        assertThat(queries.get(0).at("/options/$skipToken").isMissingNode()).isTrue();
        assertThat(queries.get(1).at("/options/$skipToken").asText()).isNotBlank();
        assertThat(server.graphQueries()).allSatisfy(query -> assertThat(query.getUrl())
                .isEqualTo(AzureTestServer.GRAPH_PATH + "?api-version=2021-03-01"));
        assertThat(inventory.apiCalls()).containsEntry("resourcegraph:resources", 3L)
                .containsEntry("resourcegraph:securityresources", 1L).containsEntry("resources:subscriptions", 1L);
    }

    @Test
    void rowsGoThroughTheArmMappingAndCompleteListingsProveAbsence() throws IOException {
        server.subscription(PROD, "Production");
        String watched = vmId(PROD, "app-vm");
        server.resource(vm(PROD, "app-vm")).resource(cpuAlert(PROD, watched)).resource(monitorAgent(watched));
        server.resource(vm(PROD, "legacy-sql", "MicrosoftSQLServer", "SQL2014SP3-WS2012R2", "Enterprise",
                "deallocated", null));
        server.securityResource(defenderPlan(PROD, "VirtualMachines", "Free"));

        Inventory inventory = audit(settings());

        Server app = server(inventory, "app-vm");
        assertThat(app.monitoring().cpuAlarm()).isTrue();
        assertThat(app.monitoring().agent()).isTrue();
        Server legacy = server(inventory, "legacy-sql");
        assertThat(legacy.state()).isEqualTo(PowerState.STOPPED);
        assertThat(legacy.os()).extracting(os -> os.product(), os -> os.version())
                .containsExactly("windows-server", "2012 R2");
        assertThat(legacy.engine()).extracting(engine -> engine.product(), engine -> engine.version())
                .containsExactly("sqlserver", "2014");
        assertThat(legacy.monitoring().cpuAlarm()).as("every alert rule was read: none watches it").isFalse();
        assertThat(legacy.monitoring().agent()).as("every extension was read: no agent").isFalse();
        assertThat(legacy.origin().describe()).isEqualTo("resourcegraph:resources in " + PROD);
        assertThat(inventory.scopes()).extracting(Scope::account, Scope::threatDetectionForServers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PROD, false));
    }

    @Test
    void aThrottledQueryWaitsAsLongAsRetryAfterSaysAndGoesOn() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "app-vm"));
        server.graph().throttleNext(1, 2);

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).extracting(Server::name).containsExactly("app-vm");
        assertThat(inventory.gaps()).isEmpty();
        assertThat(server.graphStatuses()).containsExactly(429, 200, 200);
        List<LoggedRequest> queries = server.graphQueries();
        assertThat(queries.get(1).getLoggedDate().getTime() - queries.get(0).getLoggedDate().getTime())
                .as("Retry-After: 2 was waited out").isGreaterThanOrEqualTo(1900);
    }

    @Test
    void aThrottledQueryWithoutRetryAfterIsRetriedToo() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "app-vm"));
        server.graph().throttleNext(1, null);

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).extracting(Server::name).containsExactly("app-vm");
        assertThat(inventory.gaps()).isEmpty();
        assertThat(server.graphStatuses()).containsExactly(429, 200, 200);
    }

    @Test
    void aQueryThrottledBeyondItsAttemptsIsAGapPerSubscriptionAndTheNextQueryGoesOn() throws IOException {
        server.subscription(PROD, "Production").subscription(TEST, "Test").resource(vm(PROD, "app-vm"));
        server.securityResource(defenderPlan(PROD, "VirtualMachines", "Standard"));
        server.graph().throttleNext(2, 0);

        Inventory inventory = audit(settings().withMaxAttempts(2));

        assertThat(gaps(inventory, "resourcegraph:resources")).extracting(CoverageGap::account)
                .containsExactly(PROD, TEST);
        assertThat(gaps(inventory, "resourcegraph:resources")).allSatisfy(gap -> assertThat(gap.reason())
                .isEqualTo("RateLimiting (HTTP 429): still throttled after every attempt"));
        assertThat(inventory.servers()).isEmpty();
        assertThat(inventory.scopes()).extracting(Scope::threatDetectionForServers).containsExactly(true);
    }

    @Test
    void theQuotaHeadersAreKeptToSoNoQueryIsThrottled() throws IOException {
        server.subscription(PROD, "Production");
        for (int i = 0; i < 5; i++) {
            server.resource(vm(PROD, "vm-" + i));
        }
        server.graph().pageSize(1);
        server.graph().quota(2, Duration.ofSeconds(1));

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).hasSize(5);
        assertThat(server.graphStatuses()).hasSize(6).containsOnly(200);
        assertThat(log).anyMatch(line -> line.matches("Azure: made \\d+ call\\(s\\) in .* s, [1-9][0-9.]* s of it "
                + "waiting for the Resource Graph quota"));
    }

    @Test
    void aForbiddenSubscriptionIsAGapAndTheOthersAreReadCompletely() throws IOException {
        server.subscription(PROD, "Production").subscription(TEST, "Test").subscription(LAB, "Lab");
        server.resource(vm(PROD, "prod-vm")).resource(vm(TEST, "test-vm")).resource(vm(LAB, "lab-vm"));
        server.graph().forbid(TEST);

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).extracting(Server::name).containsExactlyInAnyOrder("prod-vm", "lab-vm");
        assertThat(inventory.servers()).allSatisfy(vm -> assertThat(vm.monitoring().cpuAlarm()).isFalse());
        assertThat(gaps(inventory, "resourcegraph:resources")).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(TEST);
            assertThat(gap.reason()).startsWith("AuthorizationFailed (HTTP 403): the identity may not read this");
        });
        assertThat(gaps(inventory, "resourcegraph:securityresources")).extracting(CoverageGap::account)
                .containsExactly(TEST);
    }

    @Test
    void aTenantIdKeepsToItsSubscriptionsAndATenantDomainFiltersNothing() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "prod-vm"));
        server.graph().foreignSubscription(LAB, "f00dfeed-0000-4000-8000-000000000001");
        server.resource(vm(LAB, "partner-vm"));

        Inventory ownTenant = audit(AzureSettings.of(AzureTestServer.TENANT, List.of(), AzureCloud.AZURE_CLOUD,
                java.net.URI.create(server.baseUrl()), null));
        Inventory byDomain = audit(AzureSettings.of("contoso-eu.onmicrosoft.com", List.of(), AzureCloud.AZURE_CLOUD,
                java.net.URI.create(server.baseUrl()), null));

        assertThat(ownTenant.servers()).extracting(Server::name).containsExactly("prod-vm");
        assertThat(byDomain.servers()).extracting(Server::name).containsExactlyInAnyOrder("prod-vm", "partner-vm");
    }

    @Test
    void aNamedSubscriptionTheIdentityCannotSeeIsAGap() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "prod-vm"));

        Inventory inventory = audit(settings(PROD, LAB));

        assertThat(inventory.servers()).extracting(Server::name).containsExactly("prod-vm");
        assertThat(gaps(inventory, "resources:subscriptions")).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(LAB);
            assertThat(gap.reason()).contains("does not list it");
        });
        assertThat(bodies(server.graphQueries())).allSatisfy(query ->
                assertThat(query.path("subscriptions")).extracting(JsonNode::asText).containsExactly(PROD));
    }

    @Test
    void truncatedResultsKeepTheirRowsAndAreAGap() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "vm-1")).resource(vm(PROD, "vm-2"));
        server.graph().pageSize(1);
        server.graph().truncate();

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).extracting(Server::name).containsExactly("vm-1");
        assertThat(inventory.servers().get(0).monitoring().cpuAlarm()).as("the alert rules were not all read").isNull();
        assertThat(gaps(inventory, "resourcegraph:resources")).singleElement()
                .satisfies(gap -> assertThat(gap.reason()).contains("truncated"));
    }

    @Test
    void aSkipTokenGivenTwiceEndsThePagingWithAGap() throws IOException {
        server.subscription(PROD, "Production");
        server.wireMock().stubFor(post(urlPathEqualTo(AzureTestServer.GRAPH_PATH)).atPriority(1)
                .withRequestBody(containing("where type in~ ('microsoft.compute/virtualmachines'"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"totalRecords\": 9, \"count\": 0, \"resultTruncated\": \"false\", \"$skipToken\": \"again\","
                                + " \"data\": []}")));

        Inventory inventory = audit(settings());

        assertThat(server.graphQueries()).hasSize(3);
        assertThat(gaps(inventory, "resourcegraph:resources")).singleElement().satisfies(gap ->
                assertThat(gap.reason()).isEqualTo("the service gave the same $skipToken twice; the rest cannot be read"));
    }

    @Test
    void aQueryThatDoesNotAnswerInTimeIsAGap() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "vm-1"));
        server.wireMock().stubFor(post(urlPathEqualTo(AzureTestServer.GRAPH_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("{}")));

        Inventory inventory = audit(settings().withMaxAttempts(1).withCallTimeout(Duration.ofMillis(700)));

        assertThat(gaps(inventory, "resourcegraph:resources")).singleElement()
                .satisfies(gap -> assertThat(gap.reason()).startsWith("timed out"));
        assertThat(inventory.servers()).isEmpty();
    }

    @Test
    void aMalformedRowIsAClearErrorNamingTheCallThePageAndTheRow() {
        server.subscription(PROD, "Production").resource(vm(PROD, "vm-1"));
        ObjectNode broken = vm(PROD, "vm-2");
        ((ObjectNode) broken.get("properties")).put("timeCreated", 20190314);
        server.resource(broken);

        assertThatThrownBy(() -> audit(settings())).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("resourcegraph:resources in " + PROD + ": page 1, row 2 ("
                        + vmId(PROD, "vm-2") + "): ")
                .hasMessageContaining("timeCreated")
                .hasMessageContaining("20190314");
    }

    @Test
    void anAnswerWhoseDataIsNoListIsAClearError() {
        server.subscription(PROD, "Production");
        server.wireMock().stubFor(post(urlPathEqualTo(AzureTestServer.GRAPH_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"totalRecords\": 1, \"count\": 1, \"resultTruncated\": \"false\", \"data\": {\"rows\": []}}")));

        assertThatThrownBy(() -> audit(settings())).isInstanceOf(InventoryFormatException.class)
                .hasMessage("resourcegraph:resources in " + PROD + ": page 1: expected 'data' to be a list of rows");
    }

    @Test
    void anAnswerThatIsNotJsonIsAGap() throws IOException {
        server.subscription(PROD, "Production");
        server.wireMock().stubFor(post(urlPathEqualTo(AzureTestServer.GRAPH_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("<html>gateway</html>")));

        Inventory inventory = audit(settings());

        assertThat(gaps(inventory, "resourcegraph:resources")).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(PROD);
            assertThat(gap.reason()).isEqualTo("the answer is not the documented JSON (HTTP 200)");
        });
    }

    @Test
    void subscriptionsAreBatchedByAThousandAndListedPageByPage() throws IOException {
        for (int i = 0; i < 1001; i++) {
            server.subscription(String.format("00000000-0000-4000-8000-%012d", i), "Subscription " + i);
        }
        server.graph().subscriptionsPerPage(400);
        server.resource(vm("00000000-0000-4000-8000-000000001000", "last-vm"));

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).extracting(Server::name).containsExactly("last-vm");
        assertThat(inventory.apiCalls()).containsEntry("resources:subscriptions", 3L);
        assertThat(bodies(server.graphQueries())).extracting(query -> query.path("subscriptions").size())
                .containsExactly(1000, 1, 1000, 1);
    }

    @Test
    void aSubscriptionListThatIsNotJsonFailsTheAuditSayingSo() {
        server.wireMock().stubFor(get(urlPathEqualTo("/subscriptions")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));

        assertThatThrownBy(() -> audit(settings())).isInstanceOf(IOException.class)
                .hasMessage("Azure: GET /subscriptions answered something that is not JSON");
    }

    @Test
    void withoutAnyReadableSubscriptionTheAuditFailsInsteadOfPassingEmpty() {
        assertThatThrownBy(() -> audit(settings())).isInstanceOf(IOException.class)
                .hasMessage("Azure: the identity can read no subscription; give it the Reader role on the "
                        + "subscriptions to audit (docs/live-azure.md)");
    }

    @Test
    void aCollectorReadsEachSubscriptionThroughASignedPipeline() throws IOException {
        server.subscription(PROD, "Production").subscription(TEST, "Test");
        server.resource(vm(PROD, "prod-vm")).resource(vm(TEST, "test-vm-1")).resource(vm(TEST, "test-vm-2"));
        List<String> seen = new ArrayList<>();

        Inventory inventory = audit(settings(), reading -> {
            seen.add(reading.subscriptionId() + ": " + reading.virtualMachines().size() + " VM(s)");
            String url = reading.resourceManager() + "/subscriptions/" + reading.subscriptionId()
                    + "/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview";
            try (HttpResponse response = reading.resourceManagerPipeline().sendSync(
                    new HttpRequest(HttpMethod.GET, url), AzureCalls.call("insights:diagnosticSettings"))) {
                reading.gap("activity log diagnostic settings", response.getStatusCode(),
                        response.getBodyAsBinaryData().toBytes());
            }
        });

        assertThat(seen).containsExactly(PROD + ": 1 VM(s)", TEST + ": 2 VM(s)");
        assertThat(server.requests()).filteredOn(r -> r.getUrl().contains("diagnosticSettings")).hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization"))
                        .isEqualTo("Bearer " + AzureTestServer.ACCESS_TOKEN));
        assertThat(gaps(inventory, "activity log diagnostic settings")).extracting(CoverageGap::account,
                CoverageGap::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PROD, "error (HTTP 404): nothing answers this call here"),
                org.assertj.core.groups.Tuple.tuple(TEST, "error (HTTP 404): nothing answers this call here"));
        assertThat(inventory.apiCalls()).containsEntry("insights:diagnosticSettings", 2L);
    }

    private static Server server(Inventory inventory, String name) {
        return inventory.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<JsonNode> bodies(List<LoggedRequest> requests) {
        return requests.stream().map(request -> {
            try {
                return JSON.readTree(request.getBodyAsString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
