package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.cloudaudit.source.ReadContext;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams the resources of an Azure listing, one small tree at a time: a root list ({@code az vm list}), or the list
 * under one key of a root object ({@code {"value": [...]}} of newer CLI versions and ARM, {@code {"data": [...]}} of
 * {@code az graph query}), whose other top-level values (paging tokens, counts) are handed back.
 */
final class AzureItems {

    @FunctionalInterface
    interface Handler {
        void resource(AzureResource resource) throws IOException;
    }

    private static final ObjectMapper TREES = new ObjectMapper();

    private AzureItems() {
    }

    /** Streams every item to the handler; returns the object root's other top-level values, empty for a root list. */
    static Map<String, JsonNode> read(JsonParser parser, ReadContext context, String listKey, Handler handler)
            throws IOException {
        Map<String, JsonNode> others = new HashMap<>();
        JsonToken root = parser.nextToken();
        if (root == JsonToken.START_ARRAY) {
            stream(parser, context, handler);
            return others;
        }
        if (root != JsonToken.START_OBJECT) {
            throw context.fail(parser, "expected a JSON list, or an object with a '" + listKey + "' list");
        }
        boolean found = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals(listKey)) {
                if (value != JsonToken.START_ARRAY) {
                    throw context.fail(parser, "expected '" + listKey + "' to be a list");
                }
                found = true;
                stream(parser, context, handler);
            } else {
                JsonNode other = TREES.readTree(parser);
                others.put(key, other == null ? NullNode.getInstance() : other);
            }
        }
        if (!found) {
            throw context.fail(parser, "expected a top-level '" + listKey + "' list");
        }
        return others;
    }

    private static void stream(JsonParser parser, ReadContext context, Handler handler) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw context.fail(parser, "expected each list element to be an Azure resource (a JSON object)");
            }
            handler.resource(new AzureResource(TREES.readTree(parser), at, context));
        }
    }
}
