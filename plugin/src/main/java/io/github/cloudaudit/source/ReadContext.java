package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import io.github.cloudaudit.model.Origin;

/**
 * What a reader knows about the file it reads: its path for messages, the account and region its folders name,
 * and the builder to put facts into.
 */
public final class ReadContext {

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

    /** The place in this file where an item starts. */
    public Origin origin(JsonLocation at) {
        return Origin.file(path, Math.toIntExact(at.getLineNr()), Math.toIntExact(at.getColumnNr()));
    }

    /** An error at the parser's current location, saying what was expected there. */
    public InventoryFormatException fail(JsonParser parser, String expected) {
        JsonLocation at = parser.currentTokenLocation();
        return new InventoryFormatException(path, at.getLineNr(), at.getColumnNr(), expected);
    }

    /** An error about an item that starts at the given location. */
    public InventoryFormatException fail(JsonLocation at, String expected) {
        return new InventoryFormatException(path, at.getLineNr(), at.getColumnNr(), expected);
    }
}
