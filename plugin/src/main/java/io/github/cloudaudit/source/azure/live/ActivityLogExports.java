package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.azure.AzureSubscriptionDiagnosticSettingsReader;

import java.io.IOException;

/**
 * Whether a subscription's activity log is exported: one GET of its diagnostic settings
 * ({@code /subscriptions/{id}/providers/Microsoft.Insights/diagnosticSettings}; Resource Graph has no table for
 * them), read by the reader of {@code az monitor diagnostic-settings subscription list}. A subscription that answers
 * without a setting that exports has no audit trail; one that cannot be read, or whose answer is not JSON, is a
 * coverage gap, and its audit trail stays unknown. JSON that is not the documented list is a clear error.
 */
final class ActivityLogExports implements SubscriptionCollector {

    /** The version the REST reference documents for subscription diagnostic settings. */
    static final String API_VERSION = "2021-05-01-preview";
    static final String OPERATION = "insights:diagnosticSettings";
    static final String CALL = "Azure Monitor subscription diagnostic settings (activity log export)";
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void collect(SubscriptionReading reading) throws IOException {
        String subscription = reading.subscriptionId();
        String url = reading.resourceManager() + "/subscriptions/" + subscription
                + "/providers/Microsoft.Insights/diagnosticSettings?api-version=" + API_VERSION;
        byte[] answer;
        try {
            answer = RestCalls.get(reading.resourceManagerPipeline(), OPERATION, url);
        } catch (RestCalls.Failed e) {
            reading.builder().gap(new CoverageGap(Provider.AZURE, subscription, null, CALL, e.getMessage()));
            return;
        }
        try (JsonParser parser = JSON.createParser(answer)) {
            // The subscription asked for stands in for a folder: it is the one an empty answer is about.
            new AzureSubscriptionDiagnosticSettingsReader().read(parser,
                    new ReadContext(CALL + " of " + subscription, subscription, null, reading.builder()));
        } catch (JsonProcessingException e) {
            reading.builder().gap(new CoverageGap(Provider.AZURE, subscription, null, CALL,
                    "the answer is not JSON: " + e.getOriginalMessage()));
        }
    }
}
