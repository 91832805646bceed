package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Provider;

/**
 * Maps SQL virtual machines (Microsoft.SqlVirtualMachine/sqlVirtualMachines): the SQL IaaS Agent's registration of a
 * VM that runs SQL Server. It names the VM and the image offer of its release ({@code SQL2014SP3-WS2012R2}), so the
 * VM hosts that SQL Server even when it was not made from a SQL Server image; the offer's release fills in an engine
 * the VM's own listing lacks. A registration without a known offer still shows that SQL Server runs there.
 */
final class AzureSqlVirtualMachines {

    private AzureSqlVirtualMachines() {
    }

    static void map(AzureResource registration) {
        registration.id();
        String vm = registration.text("virtualMachineResourceId");
        if (vm == null || vm.isBlank()) {
            throw registration.fail("expected a SQL virtual machine to name its 'virtualMachineResourceId'");
        }
        DatabaseEngine engine = AzureImageOs.sqlServerOffer(registration.text("sqlImageOffer"));
        registration.builder().installedEngine(Provider.AZURE, vm,
                engine != null ? engine : new DatabaseEngine("sqlserver", null));
    }
}
