package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.source.Signature;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads the output of one AWS CLI command as {@code aws <service> <command> --output json} prints it: a root
 * object holding one or more lists (recognized by their keys) and perhaps a {@code NextToken} when the output was
 * cut into pages. The lists are streamed one element at a time, so a file of any size is read in small pieces.
 */
public abstract class AwsCliReader implements InventoryReader {

    /** What a reader gathers from one file. Readers are shared between files, so per-file state lives here. */
    interface ListingHandler {

        /** One element of the list under {@code listKey}. */
        void item(String listKey, AwsItem item) throws IOException;

        /** The whole file was read. */
        default void end() throws IOException {
        }
    }

    /** Where the CLI leaves the token of the next page: most services print NextToken, RDS prints Marker. */
    private static final Set<String> PAGING_KEYS = Set.of("NextToken", "Marker", "NextMarker");

    private final String command;
    private final List<String> listKeys;

    /**
     * @param command  the CLI command, e.g. {@code ec2 describe-instances}
     * @param listKeys the top-level keys of the lists it prints; any of them identifies the output
     */
    protected AwsCliReader(String command, String... listKeys) {
        this.command = command;
        this.listKeys = List.of(listKeys);
    }

    /** Starts reading one file. */
    protected abstract ListingHandler open(Listing listing);

    /** The fields of a list element this reader reads; the others are streamed past. Default: all. */
    protected UsedFields usedFields() {
        return UsedFields.ALL;
    }

    /** True when the lists hold objects; false for lists of plain ids. */
    protected boolean itemsAreObjects() {
        return true;
    }

    /**
     * Starts mapping an API's answer, page by page, with the same per-item mapping as a file: each page is the tree
     * the CLI prints for the same call (see {@code SdkTrees}).
     *
     * @param operation the API operation, e.g. {@code ec2:DescribeInstances}
     */
    public final ResponsePages responsePages(InventoryBuilder builder, String account, String region, String operation) {
        Origin origin = Origin.apiCall(account, region, operation);
        Listing listing = new Listing(builder, command, origin.describe(), account, region);
        return new ResponsePages(listKeys, itemsAreObjects(), listing, open(listing), origin);
    }

    @Override
    public final String format() {
        return "aws-cli: " + command;
    }

    @Override
    public final boolean accepts(Signature signature) {
        return listKeys.stream().anyMatch(signature::isObjectWithKey);
    }

    @Override
    public final void read(JsonParser parser, ReadContext context) throws IOException {
        Listing listing = Listing.ofFile(context, command);
        ListingHandler handler = open(listing);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw context.fail(parser, "expected a JSON object with a '" + listKeys.get(0)
                    + "' list at the top, as `aws " + command + " --output json` prints it");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (listKeys.contains(key)) {
                listing.listRead(key);
                if (value == JsonToken.START_ARRAY) {
                    streamList(parser, context, key, handler);
                } else if (value != JsonToken.VALUE_NULL) {
                    throw context.fail(parser, "expected '" + key + "' to be a list");
                }
            } else {
                if (PAGING_KEYS.contains(key) && value != JsonToken.VALUE_NULL) {
                    listing.truncated();
                }
                parser.skipChildren();
            }
        }
        if (!listing.anyListRead()) {
            throw context.fail(parser, "expected a top-level '" + listKeys.get(0) + "' list");
        }
        handler.end();
        listing.reportTruncation();
    }

    private void streamList(JsonParser parser, ReadContext context, String key, ListingHandler handler)
            throws IOException {
        UsedFields fields = usedFields();
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            JsonLocation at = parser.currentTokenLocation();
            boolean isObject = parser.currentToken() == JsonToken.START_OBJECT;
            if (isObject != itemsAreObjects() || parser.currentToken() == JsonToken.START_ARRAY) {
                throw context.fail(parser, "expected " + key + "[" + index + "] to be "
                        + (itemsAreObjects() ? "an object" : "an id"));
            }
            JsonNode item = fields.read(parser);
            handler.item(key, new AwsItem(item, key, index, context.origin(at), context.dates()));
        }
    }
}
