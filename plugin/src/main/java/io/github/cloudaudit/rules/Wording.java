package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

/** How each cloud names the same things, so messages use the words its own console uses. */
final class Wording {

    private Wording() {
    }

    static boolean aws(Server server) {
        return server.provider() == Provider.AWS;
    }

    /** "account 123456789012 region eu-north-1", "account 123456789012" or "subscription 0f3c...". */
    static Text scope(Provider provider, String account, String region) {
        String accountWord = provider == Provider.AZURE ? "subscription" : "account";
        Text name = account == null ? Text.of("scope.unknown." + accountWord)
                : Text.of("scope." + accountWord, account);
        return region == null ? name : Text.of("scope.withRegion", name, region);
    }

    /** Where a server's account-level facts live: an AWS account and region, or an Azure subscription. */
    static Text scopeOf(Server server) {
        return scope(server.provider(), server.account(), aws(server) ? server.region() : null);
    }

    /** "virtual network" or "VPC"; {@code plural} for more than one. */
    static Text network(Provider provider, boolean plural) {
        return Text.of((provider == Provider.AZURE ? "network.azure" : "network.aws") + (plural ? ".other" : ".one"));
    }

    /** A fact as evidence: "CPU alarm: no", "CPU alarm: unknown (not in the inventory)". */
    static Text fact(TextArg name, Boolean value) {
        return Text.of("evidence.fact", name, new Text.Fact(value));
    }
}
