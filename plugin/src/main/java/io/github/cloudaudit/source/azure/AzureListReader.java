package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.Signature;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the JSON an Azure CLI {@code list} command prints for one resource type: a root list, or the
 * {@code {"value": [...]}} object some commands (and ARM itself) print. Recognized by the first item's {@code type}.
 */
abstract class AzureListReader implements InventoryReader {

    /** A subscription and region that items of a listing belong to. */
    record Place(String subscription, String region) {
    }

    private static final String VALUE = "value";

    private final String command;
    private final String type;
    private final Consumer<AzureResource> mapping;

    AzureListReader(String command, String type) {
        this.command = command;
        this.type = type;
        this.mapping = AzureMappings.forType(type);
    }

    @Override
    public String format() {
        return "azure-cli: " + command;
    }

    @Override
    public boolean accepts(Signature signature) {
        String wanted = AzureMappings.key(type);
        return signature.topLevelKey() == null
                ? wanted.equals(signature.firstItemType())
                : signature.isObjectWithKey(VALUE) && wanted.equals(signature.firstItemUnderKeyType());
    }

    @Override
    public void read(JsonParser parser, ReadContext context) throws IOException {
        Set<Place> places = new LinkedHashSet<>();
        Map<String, JsonNode> others = AzureItems.read(parser, context, VALUE, resource -> {
            if (!type.equalsIgnoreCase(resource.type())) {
                throw resource.fail("expected every item to be a " + type + " like the first, found "
                        + (resource.type() == null ? "an item without 'type'" : resource.type()));
            }
            mapping.accept(resource);
            String subscription = resource.subscription();
            if (subscription != null) {
                places.add(new Place(subscription, resource.location()));
            }
        });
        JsonNode nextLink = others.get("nextLink");
        if (nextLink != null && !nextLink.isNull()) {
            context.builder().gap(new CoverageGap(Provider.AZURE, null, null,
                    "az " + command + " results beyond the first page",
                    "the output has a nextLink; fetch the remaining pages"));
        }
        finish(context, places);
    }

    /** Facts about the listing as a whole, from the subscriptions and regions its items belong to. */
    void finish(ReadContext context, Set<Place> places) {
    }
}
