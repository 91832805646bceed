package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cloudaudit.source.azure.live.ArmResources.vm;
import static io.github.cloudaudit.source.azure.live.ArmResources.vmId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The live source runs the metrics and activity-log collectors for what Resource Graph found, as a user's audit does,
 * and the rules see the mining signature and the missing audit trail.
 */
class LiveAzureMonitorTest {

    private static final String PROD = "3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813";
    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 30);

    private final AzureTestServer server = AzureTestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theVmsResourceGraphFoundGetTheirCpuAndTheSubscriptionItsAuditTrail() throws IOException {
        server.subscription(PROD, "Production").resource(vm(PROD, "app-vm")).resource(vm(PROD, "legacy-sql",
                "MicrosoftSQLServer", "SQL2014SP3-WS2012R2", "Enterprise", "running", null));
        ObjectNode answer = CpuMetricsBatchesTest.okBody(List.of(vmId(PROD, "app-vm")), 12.0);
        answer.withArray("values").addAll(CpuMetricsBatchesTest.okBody(List.of(vmId(PROD, "legacy-sql")), 98.5)
                .withArray("values"));
        server.wireMock().stubFor(post(urlPathEqualTo("/subscriptions/" + PROD + "/metrics:getBatch")).atPriority(1)
                .willReturn(okJson(answer.toString())));
        server.wireMock().stubFor(get(urlPathEqualTo("/subscriptions/" + PROD
                + "/providers/Microsoft.Insights/diagnosticSettings")).atPriority(1).willReturn(okJson("{\"value\": []}")));
        URI local = URI.create(server.baseUrl());
        InventoryBuilder builder = new InventoryBuilder(AUDIT_DATE);
        List<String> log = new ArrayList<>();

        new LiveAzureSource(AzureSettings.of(null, List.of(), AzureCloud.AZURE_CLOUD, local, local),
                server.environment(), AzureTestServer.sslContext(), LiveAzureSource.COLLECTORS)
                .collect(builder, new InventorySource.Log(log::add, log::add));
        Inventory inventory = builder.build();

        assertThat(inventory.gaps()).isEmpty();
        assertThat(inventory.servers()).extracting(Server::name).containsExactlyInAnyOrder("app-vm", "legacy-sql");
        assertThat(inventory.servers()).extracting(Server::name, server -> server.cpu().averagePercent())
                .containsExactlyInAnyOrder(tuple("app-vm", 12.0), tuple("legacy-sql", 98.5));
        assertThat(inventory.scopes()).filteredOn(scope -> scope.account().equals(PROD))
                .extracting(Scope::auditTrail).containsExactly(false);
        assertThat(inventory.apiCalls()).containsEntry("insights:metrics:getBatch", 1L)
                .containsEntry("insights:diagnosticSettings", 1L);
        List<Finding> findings = RuleEngine.withBuiltInRules()
                .run(AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults()));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("cpu-sustained-high")).extracting(Finding::resourceId)
                .containsExactly(vmId(PROD, "legacy-sql"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("monitoring-no-audit-trail")
                        && f.resourceId().equals(vmId(PROD, "legacy-sql")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("is not exported"));
    }
}
