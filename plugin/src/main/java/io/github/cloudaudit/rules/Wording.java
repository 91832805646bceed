package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;

/** How each cloud names the same things, so messages use the words its own console uses. */
final class Wording {

    private Wording() {
    }

    static boolean aws(Server server) {
        return server.provider() == Provider.AWS;
    }

    /** "account 123456789012 region eu-north-1", "account 123456789012" or "subscription 0f3c...". */
    static String scope(Provider provider, String account, String region) {
        String accountWord = provider == Provider.AZURE ? "subscription" : "account";
        String name = account == null ? "an unknown " + accountWord : accountWord + " " + account;
        return region == null ? name : name + " region " + region;
    }

    /** Where a server's account-level facts live: an AWS account and region, or an Azure subscription. */
    static String scopeOf(Server server) {
        return scope(server.provider(), server.account(), aws(server) ? server.region() : null);
    }

    static String network(Provider provider) {
        return provider == Provider.AZURE ? "virtual network" : "VPC";
    }

    /** A fact as evidence: "CPU alarm: no", "CPU alarm: unknown (not in the inventory)". */
    static String fact(String name, Boolean value) {
        return name + ": " + (value == null ? "unknown (not in the inventory)" : value ? "yes" : "no");
    }
}
