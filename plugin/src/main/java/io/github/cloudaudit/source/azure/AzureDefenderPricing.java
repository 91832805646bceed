package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;

import java.util.Locale;

/**
 * Maps Microsoft Defender for Cloud plans (Microsoft.Security/pricings) to subscription facts: a plan on the
 * Standard tier protects, the Free tier does not. Defender for Servers is the "VirtualMachines" plan; for databases
 * the "SqlServers" plan (Azure SQL) decides, as the scope has one database flag and Azure SQL is what it covers.
 */
final class AzureDefenderPricing {

    private AzureDefenderPricing() {
    }

    static void map(AzureResource plan) {
        String subscription = plan.subscription();
        String tier = plan.text("pricingTier");
        if (subscription == null || tier == null) {
            throw plan.fail("expected a Defender plan with a subscription in its id and a 'pricingTier'");
        }
        boolean standard = tier.equalsIgnoreCase("Standard");
        switch (plan.name().toLowerCase(Locale.ROOT)) {
            case "virtualmachines" -> plan.builder().scope(new Scope(Provider.AZURE, subscription, null, standard, null, null));
            case "sqlservers" -> plan.builder().scope(new Scope(Provider.AZURE, subscription, null, null, standard, null));
            default -> {
                // Other plans (App Service, Storage, Key Vault, ...) protect nothing the audit looks at.
            }
        }
    }
}
