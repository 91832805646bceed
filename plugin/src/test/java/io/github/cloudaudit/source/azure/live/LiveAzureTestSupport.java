package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.source.InventoryBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a {@link SubscriptionCollector} gets from the live source, signed in at the local server. */
final class LiveAzureTestSupport {

    private final AzureSettings settings;
    private final AzurePipelines pipelines;

    /** Resource Manager and the metrics endpoint of every region at the server; each call tried as often as given. */
    LiveAzureTestSupport(AzureTestServer server, int attempts) {
        URI local = URI.create(server.baseUrl());
        this.settings = new AzureSettings(null, List.of(), AzureCloud.AZURE_CLOUD, local, local,
                AzureSettings.DEFAULT_METRICS_DAYS, attempts, Duration.ofSeconds(10));
        this.pipelines = new AzurePipelines(settings, server.environment(), AzureTestServer.sslContext());
    }

    /** Requests sent by operation, retries included. */
    Map<String, Long> calls() {
        return pipelines.calls().byOperation();
    }

    SubscriptionReading reading(String subscription, List<JsonNode> virtualMachines, InventoryBuilder builder) {
        return new SubscriptionReading(subscription, virtualMachines, settings, pipelines, builder);
    }
}
