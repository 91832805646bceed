package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ThreatFinding;

import java.util.Locale;
import java.util.Set;

/**
 * Maps Microsoft Defender for Cloud alerts (Microsoft.Security/locations/alerts) to threat findings about the
 * resources they name in {@code resourceIdentifiers}. Mining is recognized by the alert's display name, as the alert
 * type ids were renamed over time while the names stayed. Dismissed and resolved alerts were dealt with by someone
 * and do not count.
 */
final class AzureDefenderAlerts {

    private static final String SERVICE = "Microsoft Defender for Cloud";
    private static final Set<String> MINING_NAMES = Set.of(
            "digital currency mining related behavior detected",
            "process associated with digital currency mining detected",
            "container with a miner image detected");
    private static final Set<String> CLOSED = Set.of("dismissed", "resolved");

    private AzureDefenderAlerts() {
    }

    static void map(AzureResource alert) {
        String status = alert.text("status");
        if (status != null && CLOSED.contains(status.toLowerCase(Locale.ROOT))) {
            return;
        }
        String name = alert.text("alertDisplayName");
        if (name == null) {
            throw alert.fail("expected a Defender alert to have an 'alertDisplayName'");
        }
        JsonNode identifiers = alert.property("resourceIdentifiers");
        if (identifiers == null || !identifiers.isArray()) {
            return;
        }
        for (JsonNode identifier : identifiers) {
            String resourceId = AzureResource.text(identifier.get("azureResourceId"));
            if (resourceId != null) {
                alert.builder().threat(new ThreatFinding(Provider.AZURE, AzureResource.subscriptionOf(resourceId),
                        resourceId, SERVICE, name, cryptomining(name), alert.date("startTimeUtc"),
                        alert.date("endTimeUtc"), 1));
            }
        }
    }

    /** The known names, and any later name that still says it is about digital currency mining. */
    static boolean cryptomining(String displayName) {
        String name = displayName.trim().toLowerCase(Locale.ROOT);
        return MINING_NAMES.contains(name) || name.contains("digital currency mining");
    }
}
