package io.github.cloudaudit.source.azure.live;

import com.azure.core.http.HttpPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;

import java.util.List;

/**
 * What a {@link SubscriptionCollector} gets for one subscription: its id, the VMs Resource Graph found in it, the
 * settings, pipelines that sign their requests for Resource Manager or any other scope, and where to put results.
 */
public final class SubscriptionReading {

    private final String subscriptionId;
    private final List<JsonNode> virtualMachines;
    private final AzureSettings settings;
    private final AzurePipelines pipelines;
    private final InventoryBuilder builder;

    SubscriptionReading(String subscriptionId, List<JsonNode> virtualMachines, AzureSettings settings,
                        AzurePipelines pipelines, InventoryBuilder builder) {
        this.subscriptionId = subscriptionId;
        this.virtualMachines = List.copyOf(virtualMachines);
        this.settings = settings;
        this.pipelines = pipelines;
        this.builder = builder;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    /** The virtual machines Resource Graph found in the subscription: {@code id}, {@code name}, {@code location}. */
    public List<JsonNode> virtualMachines() {
        return virtualMachines;
    }

    /** {@code metricsEndpoint(region)}, {@code metricsDays()}, {@code cloud().metricsScope()}, ... */
    public AzureSettings settings() {
        return settings;
    }

    /** Resource Manager's base URL, without a trailing slash. */
    public String resourceManager() {
        return settings.resourceManager();
    }

    /** Signs for Resource Manager: GETs of ARM resources such as diagnostic settings. */
    public HttpPipeline resourceManagerPipeline() {
        return pipelines.resourceManager();
    }

    /** Signs for another scope, e.g. {@code settings().cloud().metricsScope()}. Send with {@link AzureCalls#call}. */
    public HttpPipeline pipeline(String scope) {
        return pipelines.forScope(scope);
    }

    public InventoryBuilder builder() {
        return builder;
    }

    /** What could not be read in this subscription, and why: an HTTP answer's status and ARM error body. */
    public void gap(String what, int status, byte[] errorBody) {
        builder.gap(new CoverageGap(Provider.AZURE, subscriptionId, null, what, AzureErrors.reason(status, errorBody)));
    }

    /** What could not be read in this subscription, and why: a call that failed (a timeout, no answer). */
    public void gap(String what, RuntimeException error) {
        builder.gap(new CoverageGap(Provider.AZURE, subscriptionId, null, what, AzureErrors.reason(error)));
    }
}
