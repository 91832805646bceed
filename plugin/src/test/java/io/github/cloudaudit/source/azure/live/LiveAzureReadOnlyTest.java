package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cloudaudit.source.azure.live.ArmResources.cpuAlert;
import static io.github.cloudaudit.source.azure.live.ArmResources.defenderPlan;
import static io.github.cloudaudit.source.azure.live.ArmResources.vm;
import static io.github.cloudaudit.source.azure.live.ArmResources.vmId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit only reads, and the secrets it signs in with and the tokens it gets go nowhere but to Azure. */
class LiveAzureReadOnlyTest {

    private static final String PROD = LiveAzureSourceTest.PROD;
    private static final String TEST = LiveAzureSourceTest.TEST;

    private final AzureTestServer server = AzureTestServer.start();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private Inventory audit(SubscriptionCollector... collectors) throws IOException {
        InventoryBuilder builder = new InventoryBuilder();
        new LiveAzureSource(AzureSettings.of(null, List.of(), AzureCloud.AZURE_CLOUD, URI.create(server.baseUrl()),
                null), server.environment(), AzureTestServer.sslContext(), List.of(collectors))
                .collect(builder, new InventorySource.Log(log::add, log::add));
        return builder.build();
    }

    /** GETs, and the POSTs that read: a token, a Resource Graph query, a metrics batch. */
    private static boolean reads(LoggedRequest request) {
        String path = URI.create(request.getUrl()).getPath();
        return switch (request.getMethod().getName()) {
            case "GET" -> true;
            case "POST" -> path.equals(AzureTestServer.TOKEN_PATH)
                    || path.equalsIgnoreCase(AzureTestServer.GRAPH_PATH) || path.endsWith("/metrics:getBatch");
            default -> false;
        };
    }

    @Test
    void everyRequestOfAWholeAuditReads() throws IOException {
        server.subscription(PROD, "Production").subscription(TEST, "Test");
        server.resource(vm(PROD, "app-vm")).resource(cpuAlert(PROD, vmId(PROD, "app-vm"))).resource(vm(TEST, "db-vm"));
        server.securityResource(defenderPlan(PROD, "VirtualMachines", "Standard"));
        server.graph().forbid(TEST);
        server.graph().throttleNext(1, 0);

        audit(reading -> reading.resourceManagerPipeline().sendSync(new HttpRequest(HttpMethod.GET,
                reading.resourceManager() + "/subscriptions/" + reading.subscriptionId()
                        + "/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview"),
                AzureCalls.call("insights:diagnosticSettings")).close());

        List<LoggedRequest> requests = server.requests();
        assertThat(requests).extracting(r -> r.getMethod().getName()).contains("GET", "POST");
        assertThat(requests).hasSizeGreaterThan(8).allMatch(LiveAzureReadOnlyTest::reads);
    }

    @Test
    void aCollectorThatWouldWriteIsStoppedBeforeItsRequestLeaves() {
        server.subscription(PROD, "Production");

        for (HttpMethod write : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.POST)) {
            assertThatThrownBy(() -> audit(reading -> reading.resourceManagerPipeline().sendSync(
                    new HttpRequest(write, reading.resourceManager() + "/subscriptions/" + reading.subscriptionId()
                            + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-vm/deallocate"
                            + "?api-version=2024-07-01"), AzureCalls.call("compute:deallocate")).close()))
                    .hasMessage("the audit only reads: it does not send " + write + " /subscriptions/" + PROD
                            + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-vm/deallocate");
        }
        assertThat(server.requests()).allMatch(LiveAzureReadOnlyTest::reads);
    }

    @Test
    void neitherTheSecretNorTheTokenReachesTheLogOrTheGaps() throws IOException {
        server.subscription(PROD, "Production").subscription(TEST, "Test").resource(vm(PROD, "app-vm"));
        server.graph().forbid(TEST);

        Inventory inventory = audit();

        List<String> texts = new ArrayList<>(log);
        inventory.gaps().stream().map(CoverageGap::toString).forEach(texts::add);
        inventory.servers().stream().map(Object::toString).forEach(texts::add);
        assertThat(inventory.gaps()).isNotEmpty();
        assertThat(texts).hasSizeGreaterThan(4).noneMatch(text -> text.contains(AzureTestServer.ACCESS_TOKEN)
                || text.contains(AzureTestServer.CLIENT_SECRET) || text.contains("access-token-never-logged"));
    }

    @Test
    void aFailedSignInSaysWhatToSetWithoutTheSecret() {
        server.subscription(PROD, "Production");
        server.wireMock().stubFor(post(urlPathEqualTo(AzureTestServer.TOKEN_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        {"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret \
                        provided: %s", "error_codes": [7000215]}""".formatted(AzureTestServer.CLIENT_SECRET))));

        assertThatThrownBy(this::audit).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Azure: cannot sign in (")
                .hasMessageContaining("AADSTS7000215")
                .hasMessageEndingWith("or sign in with az login; see docs/live-azure.md")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(AzureTestServer.CLIENT_SECRET));
        assertThat(server.graphQueries()).isEmpty();
    }
}
