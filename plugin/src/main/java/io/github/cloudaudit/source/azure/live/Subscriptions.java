package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The subscriptions the identity can read: Resource Manager's {@code GET /subscriptions}, every page. */
final class Subscriptions {

    static final String OPERATION = "resources:subscriptions";
    private static final String API_VERSION = "2022-12-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A subscription as listed; its id is what everything is keyed by, as display names need not be unique. */
    record Listed(String id, String tenantId, String displayName) {
    }

    private Subscriptions() {
    }

    /** Every page, following {@code nextLink}; a failed page fails the listing, as a partial one would mislead. */
    static List<Listed> list(HttpPipeline resourceManager, String baseUrl) throws IOException {
        List<Listed> listed = new ArrayList<>();
        Set<String> pagesSeen = new HashSet<>();
        String url = baseUrl + "/subscriptions?api-version=" + API_VERSION;
        while (url != null) {
            if (!pagesSeen.add(url)) {
                throw new IOException("Azure: GET /subscriptions gave the same nextLink twice");
            }
            JsonNode page = get(resourceManager, url);
            for (JsonNode subscription : page.path("value")) {
                String id = subscription.path("subscriptionId").asText(null);
                if (id == null || id.isBlank()) {
                    throw new IOException("Azure: GET /subscriptions listed a subscription without a subscriptionId");
                }
                listed.add(new Listed(id, subscription.path("tenantId").asText(null),
                        subscription.path("displayName").asText(null)));
            }
            JsonNode next = page.get("nextLink");
            url = next == null || next.isNull() || next.asText().isBlank() ? null : next.asText();
        }
        return listed;
    }

    private static JsonNode get(HttpPipeline resourceManager, String url) throws IOException {
        try (HttpResponse response = resourceManager.sendSync(new HttpRequest(HttpMethod.GET, url),
                AzureCalls.call(OPERATION))) {
            byte[] body = response.getBodyAsBinaryData().toBytes();
            if (response.getStatusCode() != 200) {
                throw new IOException("Azure: GET /subscriptions answered "
                        + AzureErrors.reason(response.getStatusCode(), body));
            }
            JsonNode page;
            try {
                page = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IOException("Azure: GET /subscriptions answered something that is not JSON");
            }
            if (page == null || !page.path("value").isArray()) {
                throw new IOException("Azure: GET /subscriptions answered without a 'value' list of subscriptions");
            }
            return page;
        }
    }
}
