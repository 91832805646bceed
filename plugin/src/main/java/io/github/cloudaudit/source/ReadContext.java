package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * What a reader knows about the file it reads: its path for messages, the account and region its folders name,
 * and the builder to put facts into, plus streaming helpers a reader may use for the common shapes.
 */
public final class ReadContext {

    /** Handles one array element, read as a small tree. */
    @FunctionalInterface
    public interface ItemHandler {
        void item(JsonNode item, JsonLocation location) throws IOException;
    }

    private static final ObjectMapper TREES = new ObjectMapper();

    private final String path;
    private final String folderAccount;
    private final String folderRegion;
    private final InventoryBuilder builder;

    public ReadContext(String path, String folderAccount, String folderRegion, InventoryBuilder builder) {
        this.path = path;
        this.folderAccount = folderAccount;
        this.folderRegion = folderRegion;
        this.builder = builder;
    }

    public String path() { return path; }
    public InventoryBuilder builder() { return builder; }
    /** The account or subscription named by a folder above the file (12 digits, or a subscription GUID), or null. */
    public String folderAccount() { return folderAccount; }
    /** The region named by a folder above the file ({@code eu-north-1}), or null. */
    public String folderRegion() { return folderRegion; }

    /** An error at the parser's current location, saying what was expected there. */
    public InventoryFormatException fail(JsonParser parser, String expected) {
        JsonLocation at = parser.currentTokenLocation();
        return new InventoryFormatException(path, at.getLineNr(), at.getColumnNr(), expected);
    }

    /** An error about an item that starts at the given location. */
    public InventoryFormatException fail(JsonLocation at, String expected) {
        return new InventoryFormatException(path, at.getLineNr(), at.getColumnNr(), expected);
    }

    /**
     * Streams the elements of the array under a top-level key of the root object, one small tree at a time;
     * other top-level keys are skipped. Fails when the root is not an object or the key does not hold an array.
     */
    public void forEachItem(JsonParser parser, String arrayKey, ItemHandler handler) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw fail(parser, "expected a JSON object with a '" + arrayKey + "' list at the top");
        }
        boolean found = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals(arrayKey)) {
                found = true;
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw fail(parser, "expected '" + arrayKey + "' to be a list");
                }
                streamArray(parser, handler);
            } else {
                parser.skipChildren();
            }
        }
        if (!found) {
            throw fail(parser, "expected a top-level '" + arrayKey + "' list");
        }
    }

    /** Streams the elements of a root array, one small tree at a time. */
    public void forEachRootItem(JsonParser parser, ItemHandler handler) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw fail(parser, "expected a JSON list at the top");
        }
        streamArray(parser, handler);
    }

    private void streamArray(JsonParser parser, ItemHandler handler) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw fail(parser, "expected each list element to be an object");
            }
            JsonNode item = TREES.readTree(parser);
            handler.item(item, at);
        }
    }
}
