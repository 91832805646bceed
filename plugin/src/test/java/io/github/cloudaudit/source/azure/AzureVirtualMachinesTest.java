package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.ReadContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Details of one virtual machine: power state, agents, and what is known without a Marketplace image. */
class AzureVirtualMachinesTest {

    private static final String ID = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

    private final InventoryBuilder builder = new InventoryBuilder();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "\"powerState\": \"VM running\",                                                             RUNNING",
            "\"powerState\": \"VM deallocated\",                                                         STOPPED",
            "\"powerState\": \"VM stopped\",                                                             STOPPED",
            "\"powerState\": \"VM starting\",                                                            OTHER",
            "\"properties\": {\"extended\": {\"instanceView\": {\"powerState\": {\"code\": \"PowerState/running\"}}}},    RUNNING",
            "\"properties\": {\"extended\": {\"instanceView\": {\"powerState\": {\"code\": \"PowerState/deallocating\"}}}}, OTHER",
    })
    void powerStateFromTheCliDetailsOrTheResourceGraphCode(String field, PowerState expected) throws IOException {
        assertThat(map("{\"id\": \"" + ID + "\", " + field + "}").state()).isEqualTo(expected);
    }

    @Test
    void withoutDetailsThePowerStateIsUnknown() throws IOException {
        assertThat(map("{\"id\": \"" + ID + "\"}").state()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                                                                                         | -",
            "\"resources\": []                                                                         | false",
            "\"resources\": [{\"id\": \"" + ID + "/extensions/AzureMonitorWindowsAgent\"}]             | true",
            "\"resources\": [{\"id\": \"" + ID + "/extensions/MicrosoftMonitoringAgent\"}]             | true",
            "\"resources\": [{\"id\": \"" + ID + "/extensions/ama\", \"typePropertiesType\": \"AzureMonitorLinuxAgent\"}] | true",
            "\"resources\": [{\"name\": \"AzureMonitorLinuxAgent\", \"typePropertiesType\": \"CustomScript\"}] | false",
            "\"resources\": [{\"name\": \"AzureMonitorLinuxAgent\", \"provisioningState\": \"Failed\"}] | false",
    })
    void theMonitoringAgentFromTheListedExtensions(String field, Boolean expected) throws IOException {
        String json = "{\"id\": \"" + ID + "\"" + (field == null ? "" : ", " + field) + "}";

        assertThat(map(json).monitoring().agent()).isEqualTo(expected);
    }

    @Test
    void aVmFromADiskIsKnownOnlyByItsOsFamily() throws IOException {
        Server vm = map("{\"id\": \"" + ID + "\", \"storageProfile\": {\"imageReference\": null,"
                + " \"osDisk\": {\"osType\": \"Windows\", \"createOption\": \"Attach\"}}}");

        assertThat(vm.os()).isEqualTo(new OperatingSystem(null, null, "Windows"));
        assertThat(vm.engine()).isNull();
        assertThat(vm.image()).isNull();
    }

    @Test
    void aVmFromAPrivateImageNamesTheImage() throws IOException {
        String image = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/erp/versions/1.0.0";
        Server vm = map("{\"id\": \"" + ID + "\", \"storageProfile\": {\"imageReference\": {\"id\": \"" + image + "\"},"
                + " \"osDisk\": {\"osType\": \"Linux\"}}}");

        assertThat(vm.image()).isEqualTo(image);
        assertThat(vm.os()).isEqualTo(new OperatingSystem(null, null, "Linux"));
    }

    @Test
    void withoutOsDiskTheOsProfileTellsTheFamily() throws IOException {
        Server vm = map("{\"id\": \"" + ID + "\", \"osProfile\": {\"linuxConfiguration\": {\"provisionVmAgent\": true},"
                + " \"windowsConfiguration\": null}}");

        assertThat(vm.os()).isEqualTo(new OperatingSystem(null, null, "Linux"));
    }

    @Test
    void theSubscriptionComesFromTheIdAndTheNameFromItsLastSegment() throws IOException {
        Server vm = map("{\"id\": \"" + ID + "\"}");

        assertThat(vm.account()).isEqualTo("s");
        assertThat(vm.name()).isEqualTo("vm1");
        assertThat(vm.origin().file()).isEqualTo("inline.json");
    }

    private Server map(String json) throws IOException {
        ReadContext context = new ReadContext("inline.json", null, null, builder);
        AzureVirtualMachines.map(new AzureResource(new ObjectMapper().readTree(json), JsonLocation.NA, context));
        return builder.build().servers().get(0);
    }
}
