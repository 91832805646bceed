package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.source.InventoryFormatException;

import java.io.IOException;
import java.util.List;

/**
 * The pages of one API answer for one account and region, mapped item by item by the reader of the same CLI command.
 * Call {@link #page} for every page and then {@link #end} once: only a listing read to its end proves absence.
 */
public final class ResponsePages {

    private final List<String> listKeys;
    private final boolean itemsAreObjects;
    private final Listing listing;
    private final AwsCliReader.ListingHandler handler;
    private final Origin origin;

    ResponsePages(List<String> listKeys, boolean itemsAreObjects, Listing listing, AwsCliReader.ListingHandler handler,
                  Origin origin) {
        this.listKeys = listKeys;
        this.itemsAreObjects = itemsAreObjects;
        this.listing = listing;
        this.handler = handler;
        this.origin = origin;
    }

    /** One page, as the CLI prints it: a root object holding the command's lists. */
    public void page(JsonNode page) throws IOException {
        for (String key : listKeys) {
            // An answer without a list has none to give: unlike a file, it cannot have been cut off before it.
            listing.listRead(key);
            JsonNode list = page.get(key);
            if (list == null || list.isNull()) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (item.isObject() != itemsAreObjects) {
                    throw InventoryFormatException.at(origin, "expected " + key + "[" + i + "] to be "
                            + (itemsAreObjects ? "an object" : "an id"));
                }
                handler.item(key, new AwsItem(item, key, i, origin, listing.builder().dates()));
            }
        }
    }

    /** Every page was read. */
    public void end() throws IOException {
        handler.end();
    }
}
