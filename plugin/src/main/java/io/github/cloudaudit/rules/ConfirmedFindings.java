package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The confirmed findings of earlier rules, indexed by resource once, so composite rules look a server's findings up
 * in constant time instead of scanning every finding for every server. Unverified findings prove nothing and are left out.
 */
final class ConfirmedFindings {

    private final Map<String, List<Finding>> byResource = new HashMap<>();

    ConfirmedFindings(List<Finding> earlier) {
        for (Finding finding : earlier) {
            if (finding.verified()) {
                byResource.computeIfAbsent(key(finding.provider(), finding.account(), finding.resourceId()),
                        k -> new ArrayList<>()).add(finding);
            }
        }
    }

    List<Finding> about(Server server) {
        return byResource.getOrDefault(key(server.provider(), server.account(), server.id()), List.of());
    }

    private static String key(Object provider, String account, String resourceId) {
        return provider + "|" + account + "|" + resourceId;
    }
}
