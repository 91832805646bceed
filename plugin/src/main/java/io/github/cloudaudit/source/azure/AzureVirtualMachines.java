package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Maps Azure virtual machines ({@code az vm list -d} items and Resource Graph rows) and their extensions. */
final class AzureVirtualMachines {

    /** Extension types of the Azure Monitor agent and the legacy Log Analytics agent. */
    private static final Set<String> MONITORING_AGENTS = Set.of(
            "azuremonitorlinuxagent", "azuremonitorwindowsagent", "microsoftmonitoringagent", "omsagentforlinux");

    private AzureVirtualMachines() {
    }

    static void map(AzureResource vm) {
        String id = vm.id();
        AzureImageOs.Detected image = image(vm);
        Server.Builder server = Server.builder()
                .provider(Provider.AZURE).kind(ResourceKind.VIRTUAL_MACHINE)
                .id(id).name(vm.name()).account(vm.subscription()).region(vm.location())
                .type(vm.text("hardwareProfile", "vmSize"))
                .state(powerState(vm))
                .launchedOn(vm.date("timeCreated"))
                .os(image != null ? image.os() : AzureImageOs.family(osFamily(vm)))
                .engine(image != null ? image.engine() : null)
                .image(imageName(vm))
                .tags(vm.tags())
                .monitoring(new Monitoring(null, null, monitoringAgent(vm)))
                .origin(vm.origin());
        vm.builder().server(server, new InventoryBuilder.Links(null, List.of(), interfaces(vm)));
    }

    /** The network interfaces the VM names; the inventory builder joins them for its networks and inbound rules. */
    private static List<String> interfaces(AzureResource vm) {
        List<JsonNode> references = vm.objects("networkProfile", "networkInterfaces");
        List<String> ids = new ArrayList<>(references.size());
        for (int i = 0; i < references.size(); i++) {
            ids.add(vm.reference(references.get(i), "networkProfile.networkInterfaces[" + i + "]"));
        }
        return ids;
    }

    /** A Resource Graph row of an extension: a monitoring agent extension shows that an agent reports from its VM. */
    static void mapExtension(AzureResource extension) {
        String id = extension.id();
        int cut = id.toLowerCase(Locale.ROOT).lastIndexOf("/extensions/");
        if (cut > 0 && isMonitoringAgent(extension.text("type"), extension.name(), extension.text("provisioningState"))) {
            extension.builder().agentReporting(Provider.AZURE, id.substring(0, cut));
        }
    }

    /**
     * {@code az vm list -d} prints "VM running"; Resource Graph has the code "PowerState/running". A stopped VM that
     * is not deallocated still holds its host and is still billed for compute; both count as stopped here.
     */
    static PowerState powerState(AzureResource vm) {
        String state = vm.text("powerState");
        if (state == null) {
            state = vm.text("extended", "instanceView", "powerState", "code");
        }
        if (state == null) {
            return null;
        }
        String word = state.substring(Math.max(state.lastIndexOf(' '), state.lastIndexOf('/')) + 1)
                .toLowerCase(Locale.ROOT);
        return switch (word) {
            case "running" -> PowerState.RUNNING;
            case "stopped", "deallocated" -> PowerState.STOPPED;
            default -> PowerState.OTHER;
        };
    }

    private static AzureImageOs.Detected image(AzureResource vm) {
        String offer = vm.text("storageProfile", "imageReference", "offer");
        if (offer == null) {
            return null;
        }
        return AzureImageOs.detect(vm.text("storageProfile", "imageReference", "publisher"), offer,
                vm.text("storageProfile", "imageReference", "sku"));
    }

    /** publisher:offer:sku:version (the exact version when the CLI reports it), or the id of a private image. */
    private static String imageName(AzureResource vm) {
        String offer = vm.text("storageProfile", "imageReference", "offer");
        if (offer == null) {
            return vm.text("storageProfile", "imageReference", "id");
        }
        String version = vm.text("storageProfile", "imageReference", "exactVersion");
        if (version == null) {
            version = vm.text("storageProfile", "imageReference", "version");
        }
        return String.join(":", nonNull(vm.text("storageProfile", "imageReference", "publisher")), offer,
                nonNull(vm.text("storageProfile", "imageReference", "sku")), nonNull(version));
    }

    private static String osFamily(AzureResource vm) {
        String osType = vm.text("storageProfile", "osDisk", "osType");
        if (osType != null) {
            return osType;
        }
        if (vm.property("osProfile", "windowsConfiguration") != null) {
            return "Windows";
        }
        return vm.property("osProfile", "linuxConfiguration") != null ? "Linux" : null;
    }

    /** True or false when the output lists the VM's extensions; null when it does not (Resource Graph rows never do). */
    private static Boolean monitoringAgent(AzureResource vm) {
        JsonNode extensions = vm.field("resources");
        if (extensions == null || !extensions.isArray()) {
            return null;
        }
        for (JsonNode extension : extensions) {
            // 'az vm list' prints only each extension's id; 'az vm show' adds its handler type.
            String type = AzureResource.text(extension.get("typePropertiesType"));
            if (type == null) {
                type = AzureResource.text(extension.path("properties").get("type"));
            }
            String id = AzureResource.text(extension.get("id"));
            String name = AzureResource.text(extension.get("name"));
            if (name == null && id != null) {
                name = id.substring(id.lastIndexOf('/') + 1);
            }
            String state = AzureResource.text(extension.get("provisioningState"));
            if (isMonitoringAgent(type, name, state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The handler type decides when it is known; otherwise the extension's name, which the portal and the CLI set to
     * the type. An extension that failed to install does not report.
     */
    private static boolean isMonitoringAgent(String type, String name, String provisioningState) {
        if ("Failed".equalsIgnoreCase(provisioningState)) {
            return false;
        }
        String decisive = type != null ? type : name;
        return decisive != null && MONITORING_AGENTS.contains(decisive.toLowerCase(Locale.ROOT));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
