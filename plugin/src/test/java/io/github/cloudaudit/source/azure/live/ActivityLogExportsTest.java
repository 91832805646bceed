package io.github.cloudaudit.source.azure.live;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The subscription diagnostic settings GET as the REST reference documents it, answered by a local HTTPS server and
 * called through the live source's pipeline with DefaultAzureCredential.
 */
class ActivityLogExportsTest {

    private static final String EXPORTED = "0b7e3c1a-9d2f-4a6b-8e5c-1f2a3b4c5d6e";
    private static final String NOT_EXPORTED = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    private static final String FORBIDDEN = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String CUT_OFF = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";

    private final AzureTestServer server = AzureTestServer.start();
    private final InventoryBuilder builder = new InventoryBuilder(LocalDate.of(2026, 11, 30));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachSubscriptionsAuditTrailIsKnownFromItsOwnAnswerOrIsAGap() throws IOException {
        // The documented example's shape: slashless id, provider AzureResourceManager, type null, nested properties.
        answer(EXPORTED, okJson("""
                {"value": [{"id": "subscriptions/%s/providers/AzureResourceManager/diagnosticSettings/ds4",
                  "type": null, "name": "ds4",
                  "properties": {"storageAccountId": null, "serviceBusRuleId": null, "eventHubAuthorizationRuleId": null,
                    "workspaceId": "/subscriptions/%s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law",
                    "logs": [{"category": "Administrative", "enabled": true}, {"category": "Security", "enabled": false}]}}]}
                """.formatted(EXPORTED, EXPORTED)));
        answer(NOT_EXPORTED, okJson("{\"value\": []}"));
        answer(FORBIDDEN, aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client may not read diagnosticSettings\"}}"));
        answer(CUT_OFF, okJson("{\"value\": [{\"id\": \"/subscriptions/"));

        Inventory inventory = collect(EXPORTED, NOT_EXPORTED, FORBIDDEN, CUT_OFF);

        assertThat(inventory.scopes()).filteredOn(scope -> scope.provider() == Provider.AZURE)
                .extracting(scope -> scope.account() + "=" + scope.auditTrail())
                .containsExactly(EXPORTED + "=true", NOT_EXPORTED + "=false");
        assertThat(inventory.gaps()).extracting(CoverageGap::account).containsExactly(FORBIDDEN, CUT_OFF);
        assertThat(inventory.gaps()).allSatisfy(gap -> assertThat(gap.what())
                .isEqualTo("Azure Monitor subscription diagnostic settings (activity log export)"));
        assertThat(inventory.gaps().get(0).reason()).startsWith("AuthorizationFailed (HTTP 403)");
        assertThat(inventory.gaps().get(1).reason()).startsWith("the answer is not JSON: ");
        assertThat(server.requests()).filteredOn(r -> r.getUrl().contains("diagnosticSettings")).hasSize(4)
                .allSatisfy(request -> {
                    assertThat(request.getMethod().getName()).isEqualTo("GET");
                    assertThat(request.queryParameter("api-version").firstValue()).isEqualTo("2021-05-01-preview");
                    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + AzureTestServer.ACCESS_TOKEN);
                });
        assertThat(server.requests()).filteredOn(r -> r.getUrl().contains("/oauth2/"))
                .allSatisfy(token -> assertThat(token.getBodyAsString())
                        .contains("https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default"));
    }

    @Test
    void anAnswerThatIsNotTheDocumentedListIsAClearErrorNamingTheCallAndSubscription() {
        answer(EXPORTED, okJson("{\"value\": [{\"id\": \"/subscriptions/" + EXPORTED
                + "/providers/microsoft.insights/diagnosticSettings/d\", \"logs\": \"Administrative\"}]}"));

        assertThatThrownBy(() -> collect(EXPORTED)).isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("Azure Monitor subscription diagnostic settings (activity log export) of "
                        + EXPORTED + ":1:")
                .hasMessageContaining("expected 'logs' to be a list of categories");
    }

    private Inventory collect(String... subscriptions) throws IOException {
        LiveAzureTestSupport live = new LiveAzureTestSupport(server, 2);
        for (String subscription : subscriptions) {
            new ActivityLogExports().collect(live.reading(subscription, List.of(), builder));
        }
        return builder.build();
    }

    private void answer(String subscription, ResponseDefinitionBuilder response) {
        server.wireMock().stubFor(get(urlPathEqualTo("/subscriptions/" + subscription
                + "/providers/Microsoft.Insights/diagnosticSettings")).atPriority(1).willReturn(response));
    }
}
