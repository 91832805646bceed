package io.github.cloudaudit.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Why a finding is accepted for now.
 *
 * @param rule          rule id or glob
 * @param resource      resource id, name or glob
 * @param justification why it is accepted; required
 * @param expires       the day it stops suppressing, null for never
 * @param origin        where it was declared: file and entry number
 * @param providers     providers it applies to (values or globs), empty for any
 * @param accounts      accounts or subscriptions it applies to (values or globs), empty for any
 * @param regions       regions it applies to (values or globs), empty for any
 * @param tags          tags the resource must carry, key to value or glob, empty for any
 * @param ticket        the ticket that tracks the fix, null when none
 */
public record Suppression(String rule, String resource, String justification, LocalDate expires, String origin,
                          List<String> providers, List<String> accounts, List<String> regions,
                          Map<String, String> tags, String ticket) {

    public Suppression {
        providers = List.copyOf(providers);
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        tags = Map.copyOf(tags);
    }

    /** A suppression by rule and resource alone, anywhere. */
    public Suppression(String rule, String resource, String justification, LocalDate expires, String origin) {
        this(rule, resource, justification, expires, origin, List.of(), List.of(), List.of(), Map.of(), null);
    }

    /** A suppression applies up to and including its expiry day; after that the audit reports it as expired. */
    public boolean expiredOn(LocalDate auditDate) {
        return expires != null && auditDate.isAfter(expires);
    }
}
