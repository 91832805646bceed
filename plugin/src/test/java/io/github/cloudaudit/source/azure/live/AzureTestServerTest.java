package io.github.cloudaudit.source.azure.live;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.resourcegraph.ResourceGraphManager;
import com.azure.resourcemanager.resourcegraph.models.QueryRequest;
import com.azure.resourcemanager.resourcegraph.models.QueryRequestOptions;
import com.azure.resourcemanager.resourcegraph.models.QueryResponse;
import com.azure.resourcemanager.resourcegraph.models.ResultFormat;
import com.azure.resourcemanager.resourcegraph.models.ResultTruncated;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture speaks what the real SDK expects: it signs in, pages through Resource Graph and sees the quota. */
class AzureTestServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTION = "0b7e3c1a-9d2f-4a6b-8e5c-1f2a3b4c5d6e";

    private final AzureTestServer server = AzureTestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private DefaultAzureCredential credential() {
        return new DefaultAzureCredentialBuilder().configuration(server.environment())
                .authorityHost(server.baseUrl()).disableInstanceDiscovery()
                .httpClient(AzureTestServer.httpClient()).build();
    }

    @Test
    void theSdkSignsInAndPagesThroughResourceGraph() {
        for (int i = 0; i < 5; i++) {
            server.resource(vm("vm-" + i));
        }
        server.graph().pageSize(2);
        AzureEnvironment local = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", server.baseUrl(),
                "managementEndpointUrl", server.baseUrl()));
        ResourceGraphManager graph = ResourceGraphManager.configure().withHttpClient(AzureTestServer.httpClient())
                .authenticate(credential(), new AzureProfile(AzureTestServer.TENANT, SUBSCRIPTION, local));

        List<String> names = new ArrayList<>();
        String skipToken = null;
        do {
            QueryResponse page = graph.resourceProviders().resources(new QueryRequest()
                    .withSubscriptions(List.of(SUBSCRIPTION))
                    .withQuery("resources | where type in~ ('microsoft.compute/virtualmachines')")
                    .withOptions(new QueryRequestOptions().withTop(1000).withSkipToken(skipToken)
                            .withResultFormat(ResultFormat.OBJECT_ARRAY)));
            assertThat(page.resultTruncated()).isEqualTo(ResultTruncated.FALSE);
            ((List<?>) page.data()).forEach(row -> names.add((String) ((Map<?, ?>) row).get("name")));
            skipToken = page.skipToken();
        } while (skipToken != null);

        assertThat(names).containsExactly("vm-0", "vm-1", "vm-2", "vm-3", "vm-4");
        assertThat(server.graphQueries()).hasSize(3).allSatisfy(query -> {
            assertThat(query.getUrl()).contains("api-version=2021-03-01");
            assertThat(query.getHeader("Authorization")).isEqualTo("Bearer " + AzureTestServer.ACCESS_TOKEN);
        });
        assertThat(server.requests()).first().satisfies(token -> {
            assertThat(token.getUrl()).isEqualTo(AzureTestServer.TOKEN_PATH);
            assertThat(token.getBodyAsString()).contains("client_id=" + AzureTestServer.CLIENT_ID);
        });
    }

    @Test
    void theCredentialGetsATokenForAnyScope() {
        String token = credential().getTokenSync(new TokenRequestContext()
                .addScopes("https://metrics.monitor.azure.com/.default")).getToken();

        assertThat(token).isEqualTo(AzureTestServer.ACCESS_TOKEN);
        assertThat(server.requests()).singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                .contains("https%3A%2F%2Fmetrics.monitor.azure.com%2F.default"));
    }

    private static ObjectNode vm(String name) {
        ObjectNode vm = JSON.createObjectNode();
        vm.put("id", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + name);
        vm.put("name", name).put("type", "Microsoft.Compute/virtualMachines").put("location", "westeurope");
        vm.putObject("properties").putObject("hardwareProfile").put("vmSize", "Standard_D2s_v5");
        return vm;
    }
}
