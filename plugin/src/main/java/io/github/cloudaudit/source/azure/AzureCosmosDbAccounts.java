package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.source.InventoryBuilder;

import java.util.List;

/**
 * Maps Cosmos DB accounts (Microsoft.DocumentDB/databaseAccounts). The service is kept current by Microsoft; an
 * account of the MongoDB API reports the wire version it speaks, which is the only version there is to tell. An
 * account is reachable from the whole internet when public network access is on and neither an IP rule nor a
 * virtual network rule narrows it down.
 */
final class AzureCosmosDbAccounts {

    private AzureCosmosDbAccounts() {
    }

    static void map(AzureResource account) {
        String mongoVersion = account.text("apiProperties", "serverVersion");
        account.builder().server(AzureManagedDatabases.common(account)
                .type(AzureResource.text(account.field("kind")))
                .engine(new DatabaseEngine("cosmosdb", mongoVersion == null ? null : "MongoDB API " + mongoVersion))
                .publiclyAccessible(publiclyAccessible(account)),
                InventoryBuilder.Links.NONE);
    }

    private static Boolean publiclyAccessible(AzureResource account) {
        String access = account.text("publicNetworkAccess");
        if (access != null && !access.equalsIgnoreCase("Enabled")) {
            return access.equalsIgnoreCase("Disabled") ? false : null;
        }
        List<JsonNode> ipRules = account.objects("ipRules");
        boolean openRule = ipRules.stream().map(rule -> AzureResource.text(rule.get("ipAddressOrRange")))
                .anyMatch("0.0.0.0/0"::equals);
        boolean narrowed = !ipRules.isEmpty() || Boolean.TRUE.equals(account.bool("isVirtualNetworkFilterEnabled"));
        return openRule || !narrowed;
    }
}
