package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextArg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shape every monitoring rule shares: one verdict per server from a fact that is true, false or unknown.
 * A false fact is a finding, an unknown one is reported as unverified, never taken as fine.
 */
abstract class MonitoringRule implements Rule {

    @Override
    public final List<Finding> evaluate(AuditContext context, List<Finding> earlier) {
        List<Finding> findings = new ArrayList<>();
        for (Server server : context.inventory().servers()) {
            check(context, server).ifPresent(findings::add);
        }
        return findings;
    }

    /** The finding for one server; empty when it is watched or the rule does not apply to it. */
    abstract Optional<Finding> check(AuditContext context, Server server);

    /** What is missing in two or three words ("no CPU alarm", "GuardDuty off"), for the composite risk story. */
    abstract Text gapInBrief(Server server);

    /** What a finding of the rule says: when the fact is false, when it is unknown, and the facts behind it. */
    record Told(Text offMessage, Text unknownMessage, TextArg settledBy, List<Text> evidence) {
    }

    /**
     * The finding for a fact, told only when there is one: most servers are watched, and words put together for
     * each of them only to be dropped were most of what an audit of 100,000 servers allocated.
     */
    final Optional<Finding> verdict(AuditContext context, Server server, Boolean watched, Supplier<Told> told) {
        if (Boolean.TRUE.equals(watched)) {
            return Optional.empty();
        }
        Told finding = told.get();
        return Optional.of(watched == null
                ? context.unverified(metadata(), server, finding.unknownMessage(), finding.settledBy(), finding.evidence())
                : context.finding(metadata(), server, finding.offMessage(), finding.evidence()));
    }

    /**
     * A fact of the server's region scope or account scope: true when either says so (one of them is enough),
     * otherwise false when either says so, otherwise unknown.
     *
     * @param decidedBy the scope that gave the value, null when unknown
     * @param evidence  the fact as each scope holds it
     */
    record ScopeFact(Boolean value, Scope decidedBy, List<Text> evidence) {
    }

    static ScopeFact scopeFact(AuditContext context, Server server, TextArg name, Function<Scope, Boolean> fact) {
        Inventory inventory = context.inventory();
        Scope region = inventory.regionScope(server).orElse(null);
        Scope account = inventory.accountScope(server).orElse(null);
        List<Scope> scopes = region == null ? account == null ? List.of() : List.of(account)
                : account == null ? List.of(region) : List.of(region, account);
        if (scopes.isEmpty()) {
            return scopeFact(server, name, fact, scopes);
        }
        // Every server of a region has the same fact, in the same words: worked out once per region, not per server.
        return context.derived(new ScopeFactKey(name, fact, region, account),
                () -> scopeFact(server, name, fact, scopes));
    }

    /**
     * The fact and the scopes are the same objects for every server of a region, so they are compared as objects:
     * hashing each scope's every field for each server cost more than the fact itself.
     */
    private record ScopeFactKey(TextArg name, Function<Scope, Boolean> fact, Scope region, Scope account) {

        @Override
        public int hashCode() {
            return ((name.hashCode() * 31 + System.identityHashCode(fact)) * 31 + System.identityHashCode(region)) * 31
                    + System.identityHashCode(account);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ScopeFactKey key && name.equals(key.name) && fact == key.fact
                    && region == key.region && account == key.account;
        }
    }

    private static ScopeFact scopeFact(Server server, TextArg name, Function<Scope, Boolean> fact, List<Scope> scopes) {
        List<Text> evidence = scopes.isEmpty()
                ? List.of(Wording.fact(Text.of("monitoring.in", name, Wording.scopeOf(server)), null))
                : scopes.stream().map(s -> Wording.fact(Text.of("monitoring.in", name,
                        Wording.scope(s.provider(), s.account(), s.region())), fact.apply(s))).toList();
        for (Boolean wanted : new Boolean[] {Boolean.TRUE, Boolean.FALSE}) {
            Optional<Scope> deciding = scopes.stream().filter(s -> wanted.equals(fact.apply(s))).findFirst();
            if (deciding.isPresent()) {
                return new ScopeFact(wanted, deciding.get(), evidence);
            }
        }
        return new ScopeFact(null, null, evidence);
    }
}
