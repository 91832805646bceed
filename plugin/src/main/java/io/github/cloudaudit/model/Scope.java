package io.github.cloudaudit.model;

/**
 * Account-wide or region-wide facts: an AWS account and region, or an Azure subscription (region null).
 * Each fact is null when the inventory holds nothing that tells.
 *
 * @param threatDetectionForServers GuardDuty enabled; Defender for Servers on the Standard tier
 * @param threatDetectionForDatabases GuardDuty enabled; Defender for SQL on the Standard tier
 * @param auditTrail a logging CloudTrail trail (or Azure activity log export) covers the scope
 */
public record Scope(Provider provider, String account, String region,
                    Boolean threatDetectionForServers, Boolean threatDetectionForDatabases, Boolean auditTrail) {
}
