package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.ReadContext;

import java.util.Set;

/**
 * {@code az monitor metrics alert list}: metric alert rules. Listed without {@code -g}, it holds every metric alert
 * of the subscription, so a server of that subscription that no CPU alert watches has none. An empty list names
 * neither its subscription nor its command, so it cannot be recognized and proves nothing: it is skipped like any
 * unknown file, and CPU alerts stay unknown.
 */
public final class AzureMetricAlertListReader extends AzureListReader {

    public AzureMetricAlertListReader() {
        super("monitor metrics alert list", AzureMappings.METRIC_ALERTS);
    }

    @Override
    void finish(ReadContext context, Set<Place> places) {
        places.forEach(place -> context.builder().alarmsCollected(Provider.AZURE, place.subscription(), null));
    }
}
