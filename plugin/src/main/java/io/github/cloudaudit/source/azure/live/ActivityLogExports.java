package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.azure.AzureSubscriptionDiagnosticSettingsReader;

import java.io.IOException;

/**
 * Whether a subscription's activity log is exported: one GET of its diagnostic settings
 * ({@code /subscriptions/{id}/providers/Microsoft.Insights/diagnosticSettings}; Resource Graph has no table for
 * them), read by the reader of {@code az monitor diagnostic-settings subscription list}. A subscription that
 * answers with no setting that exports has no audit trail; one that cannot be read is a coverage gap, and its audit
 * trail stays unknown.
 */
final class ActivityLogExports {

    /** The version the REST reference documents for subscription diagnostic settings. */
    static final String API_VERSION = "2021-05-01-preview";
    static final String OPERATION = "Microsoft.Insights/diagnosticSettings/read";
    private static final String CALL = "Azure Monitor subscription diagnostic settings (activity log export)";
    private static final JsonFactory JSON = new JsonFactory();

    private final AzureRest rest;
    private final String resourceManager;

    /**
     * @param rest            calls with a token for Resource Manager's scope
     * @param resourceManager Resource Manager's base URL, e.g. {@code https://management.azure.com}
     */
    ActivityLogExports(AzureRest rest, String resourceManager) {
        this.rest = rest;
        this.resourceManager = resourceManager.replaceAll("/+$", "");
    }

    void collect(String subscription, InventoryBuilder builder) {
        String url = resourceManager + "/subscriptions/" + subscription
                + "/providers/Microsoft.Insights/diagnosticSettings?api-version=" + API_VERSION;
        try (JsonParser parser = JSON.createParser(rest.get(OPERATION, url))) {
            // The subscription asked for stands in for a folder: it is the one an empty answer is about.
            new AzureSubscriptionDiagnosticSettingsReader().read(parser,
                    new ReadContext(CALL + " of " + subscription, subscription, null, builder));
        } catch (AzureRest.Failed e) {
            builder.gap(new CoverageGap(Provider.AZURE, subscription, null, CALL, e.getMessage()));
        } catch (InventoryFormatException | IOException e) {
            builder.gap(new CoverageGap(Provider.AZURE, subscription, null, CALL,
                    "the answer is not the documented diagnostic settings list: " + e.getMessage()));
        }
    }
}
