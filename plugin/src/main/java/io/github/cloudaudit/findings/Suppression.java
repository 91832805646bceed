package io.github.cloudaudit.findings;

import java.time.LocalDate;

/**
 * Why a finding is accepted for now.
 *
 * @param rule          rule id or glob
 * @param resource      resource id, name or glob
 * @param justification why it is accepted; required
 * @param expires       the day it stops suppressing, null for never
 * @param origin        where it was declared: file and entry number
 */
public record Suppression(String rule, String resource, String justification, LocalDate expires, String origin) {

    /** A suppression applies up to and including its expiry day; after that the audit reports it as expired. */
    public boolean expiredOn(LocalDate auditDate) {
        return expires != null && auditDate.isAfter(expires);
    }
}
