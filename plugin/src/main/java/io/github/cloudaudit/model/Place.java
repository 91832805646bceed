package io.github.cloudaudit.model;

import java.util.Objects;

/**
 * Something in a cloud as findings and facts name it, for looking it up: a resource by provider, account and id, or
 * a scope by provider, account and region (null for the whole account).
 *
 * @param name the resource's id or the scope's region
 */
public record Place(Provider provider, String account, String name) {

    // Written out: a record's own hashCode and equals go through method handles, which showed in the profiles of a
    // large audit, where rules and reports look places up millions of times; a key string spelled out per look-up
    // cost more still.
    @Override
    public int hashCode() {
        return (Objects.hashCode(provider) * 31 + Objects.hashCode(account)) * 31 + Objects.hashCode(name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Place place && provider == place.provider && Objects.equals(account, place.account)
                && Objects.equals(name, place.name);
    }
}
