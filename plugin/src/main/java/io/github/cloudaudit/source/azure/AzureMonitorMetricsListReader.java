package io.github.cloudaudit.source.azure;

/**
 * {@code az monitor metrics list --resource VM_ID --metric "Percentage CPU" --aggregation Average Maximum}: a VM's
 * CPU utilization over time, one file per VM, as the README shows.
 */
public final class AzureMonitorMetricsListReader extends AzureListReader {

    public AzureMonitorMetricsListReader() {
        super("monitor metrics list", AzureMappings.METRICS);
    }
}
