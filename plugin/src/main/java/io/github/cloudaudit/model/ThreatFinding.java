package io.github.cloudaudit.model;

import java.time.LocalDate;

/**
 * What a threat-detection service reported about one server and still holds open: a GuardDuty finding that is not
 * archived, a Microsoft Defender for Cloud alert that is not dismissed or resolved. Its existence also shows that
 * the service watches that server.
 *
 * @param provider     the cloud
 * @param account      account or subscription of the server
 * @param serverId     the server's id as the inventory names it: EC2 instance id, Azure VM resource id
 * @param service      the service that reported it, e.g. {@code GuardDuty}
 * @param type         the finding type or alert name as the service prints it
 * @param cryptomining the service's own classification says cryptocurrency mining
 * @param firstSeen    first occurrence, null when not told
 * @param lastSeen     last occurrence, null when not told
 * @param count        how many times the service saw it, at least 1
 */
public record ThreatFinding(Provider provider, String account, String serverId, String service, String type,
                            boolean cryptomining, LocalDate firstSeen, LocalDate lastSeen, int count) {

    /** The {@link Server#key()} of the server it is about. */
    public String serverKey() {
        return Server.key(provider, account, serverId);
    }
}
