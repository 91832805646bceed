package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Provider;

/**
 * Maps Network Watcher flow logs (Microsoft.Network/networkWatchers/flowLogs). A flow log targets a virtual network,
 * a subnet, a network interface, or (the older kind) a network security group; the inventory builder decides which
 * networks' traffic that records. A disabled flow log, or one that failed to provision, records nothing.
 */
final class AzureFlowLogs {

    private AzureFlowLogs() {
    }

    static void map(AzureResource flowLog) {
        flowLog.id();
        String target = flowLog.text("targetResourceId");
        Boolean enabled = flowLog.bool("enabled");
        if (target == null || target.isBlank() || enabled == null) {
            throw flowLog.fail("expected a flow log to have a 'targetResourceId' and to say whether it is 'enabled'");
        }
        if (enabled && !"Failed".equalsIgnoreCase(flowLog.text("provisioningState"))) {
            flowLog.builder().flowLog(Provider.AZURE, target);
        }
    }
}
