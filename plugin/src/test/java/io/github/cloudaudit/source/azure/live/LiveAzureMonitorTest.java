package io.github.cloudaudit.source.azure.live;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cloudaudit.source.azure.live.ArmResources.vm;
import static io.github.cloudaudit.source.azure.live.ArmResources.vmId;
import static org.assertj.core.api.Assertions.assertThat;

/** The live source runs the metrics and activity-log collectors for what Resource Graph found, as a user's audit does. */
class LiveAzureMonitorTest {

    private static final String PROD = "3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813";

    private final AzureTestServer server = AzureTestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theVmsResourceGraphFoundGetTheirCpuAndTheSubscriptionItsAuditTrail() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "app-vm")).resource(vm(PROD, "legacy-sql",
                "MicrosoftSQLServer", "SQL2014SP3-WS2012R2", "Enterprise", "running", null));
        List<String> ids = List.of(vmId(PROD, "app-vm"), vmId(PROD, "legacy-sql"));
        server.wireMock().stubFor(post(urlPathEqualTo("/subscriptions/" + PROD + "/metrics:getBatch")).atPriority(1)
                .willReturn(okJson(CpuMetricsBatchesTest.okBody(ids, 98.5).toString())));
        server.wireMock().stubFor(get(urlPathEqualTo("/subscriptions/" + PROD
                + "/providers/Microsoft.Insights/diagnosticSettings")).atPriority(1).willReturn(okJson("{\"value\": []}")));
        URI local = URI.create(server.baseUrl());
        InventoryBuilder builder = new InventoryBuilder();
        List<String> log = new ArrayList<>();

        new LiveAzureSource(AzureSettings.of(null, List.of(), AzureCloud.AZURE_CLOUD, local, local),
                server.environment(), AzureTestServer.sslContext(), LiveAzureSource.COLLECTORS)
                .collect(builder, new InventorySource.Log(log::add, log::add));
        Inventory inventory = builder.build();

        assertThat(inventory.gaps()).isEmpty();
        assertThat(inventory.servers()).extracting(Server::name).containsExactlyInAnyOrder("app-vm", "legacy-sql");
        assertThat(inventory.servers()).allSatisfy(server -> assertThat(server.cpu().averagePercent()).isEqualTo(98.5));
        assertThat(inventory.scopes()).filteredOn(scope -> scope.account().equals(PROD))
                .extracting(Scope::auditTrail).containsExactly(false);
        assertThat(inventory.apiCalls()).containsEntry("insights:metrics:getBatch", 1L)
                .containsEntry("insights:diagnosticSettings", 1L);
    }
}
