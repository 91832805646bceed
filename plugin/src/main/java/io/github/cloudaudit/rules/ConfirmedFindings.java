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

    /** True for a finding that tells of neglect: outdated software or hardware, never rebuilt, or forgotten. */
    static boolean showsNeglect(Finding finding) {
        String id = finding.ruleId();
        return id.startsWith("legacy-") || id.equals(StaleServerRule.METADATA.id()) || id.startsWith("orphan-");
    }

    private static String key(Object provider, String account, String resourceId) {
        return provider + "|" + account + "|" + resourceId;
    }
}
