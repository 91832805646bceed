package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ARM resources as Resource Graph rows hold them, for the test estates: one builder method per type. */
public final class ArmResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArmResources() {
    }

    public static String vmId(String subscription, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/"
                + name;
    }

    /** A Windows VM from a marketplace image, running or deallocated, with the given owner tag (none when null). */
    public static ObjectNode vm(String subscription, String name, String publisher, String offer, String sku,
                                String powerState, String owner) {
        ObjectNode vm = resource(vmId(subscription, name), name, "Microsoft.Compute/virtualMachines");
        ObjectNode properties = vm.putObject("properties");
        properties.putObject("hardwareProfile").put("vmSize", "Standard_D4s_v5");
        properties.put("timeCreated", "2019-03-14T09:26:53.1234567+00:00");
        ObjectNode storage = properties.putObject("storageProfile");
        storage.putObject("imageReference").put("publisher", publisher).put("offer", offer).put("sku", sku)
                .put("version", "latest");
        storage.putObject("osDisk").put("osType", offer.toLowerCase().contains("ubuntu") ? "Linux" : "Windows");
        properties.putObject("extended").putObject("instanceView").putObject("powerState")
                .put("code", "PowerState/" + powerState);
        if (owner != null) {
            vm.putObject("tags").put("owner", owner);
        }
        return vm;
    }

    /** A plain Ubuntu VM, running, owned. */
    public static ObjectNode vm(String subscription, String name) {
        return vm(subscription, name, "Canonical", "ubuntu-24_04-lts", "server", "running", "team-a");
    }

    /** A metric alert rule on the VM's Percentage CPU. */
    public static ObjectNode cpuAlert(String subscription, String vmId) {
        ObjectNode alert = resource("/subscriptions/" + subscription
                + "/resourceGroups/rg-app/providers/Microsoft.Insights/metricAlerts/cpu-" + vmId.hashCode(),
                "cpu-" + vmId.hashCode(), "Microsoft.Insights/metricAlerts");
        alert.put("location", "global");
        ObjectNode properties = alert.putObject("properties");
        properties.put("enabled", true).putArray("scopes").add(vmId);
        properties.putObject("criteria").put("odata.type", "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria")
                .putArray("allOf").addObject().put("criterionType", "StaticThresholdCriterion")
                .put("metricName", "Percentage CPU").put("operator", "GreaterThan").put("threshold", 85.0)
                .put("timeAggregation", "Average").put("name", "cpu");
        return alert;
    }

    /** The Azure Monitor agent extension of a VM. */
    public static ObjectNode monitorAgent(String vmId) {
        ObjectNode extension = resource(vmId + "/extensions/AzureMonitorWindowsAgent", "AzureMonitorWindowsAgent",
                "Microsoft.Compute/virtualMachines/extensions");
        extension.putObject("properties").put("type", "AzureMonitorWindowsAgent").put("provisioningState", "Succeeded");
        return extension;
    }

    /** A Defender for Cloud plan: VirtualMachines (Defender for Servers) or SqlServers, Free or Standard. */
    public static ObjectNode defenderPlan(String subscription, String plan, String tier) {
        ObjectNode pricing = resource("/subscriptions/" + subscription + "/providers/Microsoft.Security/pricings/" + plan,
                plan, "Microsoft.Security/pricings");
        pricing.putObject("properties").put("pricingTier", tier);
        return pricing;
    }

    private static ObjectNode resource(String id, String name, String type) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("id", id).put("name", name).put("type", type).put("location", "westeurope");
        return resource;
    }
}
