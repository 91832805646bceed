package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.source.InventoryBuilder;

import java.util.List;

/**
 * Maps Azure SQL managed instances (Microsoft.Sql/managedInstances). Microsoft keeps their engine current, so it is a
 * product of its own that no end-of-support table lists. The public data endpoint is what makes one reachable from
 * outside its virtual network; the instance sits in a subnet, whose network carries its flow-log facts.
 */
final class AzureSqlManagedInstances {

    private AzureSqlManagedInstances() {
    }

    static void map(AzureResource instance) {
        String subnet = instance.text("subnetId");
        instance.builder().server(AzureManagedDatabases.common(instance)
                .type(AzureResource.text(instance.field("sku", "name")))
                .engine(new DatabaseEngine("azure-sql-managed-instance", null))
                .publiclyAccessible(instance.bool("publicDataEndpointEnabled"))
                .networkIds(subnet == null ? List.of() : List.of(instance.networkOfSubnet(subnet, "subnetId"))),
                InventoryBuilder.Links.NONE);
    }
}
