package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Resource Graph rows read live: each the ARM JSON of one resource, mapped by its type exactly like the same resource
 * in an Azure CLI list. Rows of types without a mapping are passed over.
 */
public final class AzureGraphRows {

    private AzureGraphRows() {
    }

    /** Maps one row; a row that breaks its type's expectations fails with the call and the expectation named. */
    public static void map(JsonNode row, Origin origin, InventoryBuilder builder) {
        map(new AzureResource(row, origin, null, builder));
    }

    static void map(AzureResource resource) {
        Consumer<AzureResource> mapping = AzureMappings.forType(resource.type());
        if (mapping != null) {
            mapping.accept(resource);
        }
    }

    /**
     * Records that every resource of these types in the subscription was read, so that what none of them shows is
     * absent: no metric alert rule watches a VM, no agent extension reports from it, no flow log records a network
     * (in any region: a query spans them all).
     */
    public static void complete(InventoryBuilder builder, String subscription, Collection<String> types) {
        for (String type : types) {
            String key = AzureMappings.key(type);
            if (key.equals(AzureMappings.key(AzureMappings.METRIC_ALERTS))) {
                builder.alarmsCollected(Provider.AZURE, subscription, null);
            } else if (key.equals(AzureMappings.key(AzureMappings.VM_EXTENSIONS))) {
                builder.agentsCollected(Provider.AZURE, subscription, null);
            } else if (key.equals(AzureMappings.key(AzureMappings.FLOW_LOGS))) {
                builder.flowLogsCollected(Provider.AZURE, subscription, null);
            }
        }
    }
}
