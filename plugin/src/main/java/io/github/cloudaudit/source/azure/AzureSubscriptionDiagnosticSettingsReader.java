package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.Signature;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code az monitor diagnostic-settings subscription list}, or Azure Monitor's answer to the same GET: the diagnostic
 * settings of a subscription, which decide whether its activity log (the audit trail of who did what) is kept beyond
 * Azure's 90 days. It is exported when a setting sends the Administrative category to a destination. The list is
 * every setting of its subscription, so a subscription whose settings export none has no audit trail.
 * <p>
 * Settings have no resource type of their own (the REST examples print {@code "type": null}), so the list is
 * recognized by its ids: a subscription scope followed by {@code /providers/.../diagnosticSettings/NAME}. An empty
 * list names no subscription and is not recognized in a folder of files; read live, the subscription it was asked
 * for is the folder account of its context, and an empty list proves that nothing is exported.
 */
public final class AzureSubscriptionDiagnosticSettingsReader implements InventoryReader {

    private static final String VALUE = "value";
    /** The REST examples print ids without their leading slash and with {@code AzureResourceManager} as provider. */
    private static final Pattern SUBSCRIPTION_SETTING =
            Pattern.compile("(?i)^/?subscriptions/([^/]+)/providers/[^/]+/diagnosticSettings/[^/]+$");
    private static final List<String> DESTINATIONS =
            List.of("workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId");

    @Override
    public String format() {
        return "azure-cli: monitor diagnostic-settings subscription list";
    }

    @Override
    public boolean accepts(Signature signature) {
        JsonNode first = signature.topLevelKey() == null ? signature.firstItem()
                : signature.isObjectWithKey(VALUE) ? signature.firstItemUnderKey() : null;
        return first != null && first.path("id").isTextual()
                && SUBSCRIPTION_SETTING.matcher(first.get("id").asText()).matches();
    }

    @Override
    public void read(JsonParser parser, ReadContext context) throws IOException {
        // Decided once the whole list is read: a setting further down may export what the first ones do not.
        Map<String, Boolean> exported = new LinkedHashMap<>();
        AzureItems.read(parser, context, VALUE, setting -> exported.merge(subscription(setting), exports(setting),
                Boolean::logicalOr));
        if (exported.isEmpty() && context.folderAccount() != null) {
            exported.put(context.folderAccount(), false);
        }
        exported.forEach((subscription, trail) ->
                context.builder().scope(new Scope(Provider.AZURE, subscription, null, null, null, trail)));
    }

    private static String subscription(AzureResource setting) {
        Matcher matcher = SUBSCRIPTION_SETTING.matcher(setting.id());
        if (!matcher.matches()) {
            throw setting.fail("expected every setting to belong to a subscription like the first, with an id such as "
                    + "/subscriptions/ID/providers/microsoft.insights/diagnosticSettings/NAME, found " + setting.id());
        }
        return matcher.group(1);
    }

    /** The setting sends the Administrative category (creates, updates, deletes, role assignments) somewhere. */
    private static boolean exports(AzureResource setting) {
        boolean destination = DESTINATIONS.stream().map(setting::text).anyMatch(id -> id != null && !id.isBlank());
        JsonNode logs = setting.property("logs");
        if (logs != null && !logs.isArray()) {
            throw setting.fail("expected 'logs' to be a list of categories, found " + logs);
        }
        boolean administrative = false;
        for (JsonNode log : logs == null ? List.<JsonNode>of() : logs) {
            JsonNode enabled = log.get("enabled");
            if (enabled == null || !enabled.isBoolean()) {
                throw setting.fail("expected each entry of 'logs' to have 'enabled' true or false, found " + log);
            }
            String category = AzureResource.text(log.get("category"));
            String group = AzureResource.text(log.get("categoryGroup"));
            administrative |= enabled.booleanValue()
                    && ("Administrative".equalsIgnoreCase(category) || "allLogs".equalsIgnoreCase(group));
        }
        return destination && administrative;
    }
}
