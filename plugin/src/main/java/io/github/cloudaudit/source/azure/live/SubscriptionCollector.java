package io.github.cloudaudit.source.azure.live;

import java.io.IOException;

/**
 * A reading of one subscription that Resource Graph cannot give: Azure Monitor's CPU metrics of its VMs, its
 * activity-log diagnostic settings. {@link LiveAzureSource} runs every collector it has once per subscription, after
 * Resource Graph, one at a time, on one thread.
 */
@FunctionalInterface
public interface SubscriptionCollector {

    /**
     * Reads the subscription and puts what it found into {@link SubscriptionReading#builder()}; a call that fails is
     * a {@link SubscriptionReading#gap gap}, and the next call goes on. Only a malformed answer may throw.
     */
    void collect(SubscriptionReading reading) throws IOException;
}
