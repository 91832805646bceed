package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.ReadContext;

import java.util.Set;

/**
 * {@code az network watcher flow-log list --location REGION}: every flow log of the subscription's Network Watcher in
 * that region, and a flow log records only networks of its own region. So the networks of a subscription and region
 * that the listing's flow logs belong to, and that none of them records, have none. An empty list names neither
 * subscription nor region, so it cannot be recognized and proves nothing: flow logs stay unknown.
 */
public final class AzureFlowLogListReader extends AzureListReader {

    public AzureFlowLogListReader() {
        super("network watcher flow-log list", AzureMappings.FLOW_LOGS);
    }

    @Override
    void finish(ReadContext context, Set<Place> places) {
        places.forEach(place -> context.builder().flowLogsCollected(Provider.AZURE, place.subscription(), place.region()));
    }
}
