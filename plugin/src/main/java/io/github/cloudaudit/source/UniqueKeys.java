package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.util.Arrays;

/**
 * A JSON parser that rejects a key given twice in one object, with the error Jackson's
 * {@code STRICT_DUPLICATE_DETECTION} gives, placed where the second key starts (Jackson's is placed after it).
 * Jackson's check fills a new hash set for every object of more than two keys, which was a quarter of the time spent
 * reading a large EC2 listing; this one keeps one open-addressing table per nesting depth and empties only the slots
 * it filled, so objects cost no allocation.
 */
final class UniqueKeys extends JsonParserDelegate {

    private static final int FIRST_TABLE_SIZE = 16;

    /** The keys of the open object at each depth, by hash; only the tables of open objects hold keys. */
    private String[][] tables = new String[8][];
    /** The slots filled in every open object's table, innermost last, so that an object that ends empties its own. */
    private int[] filled = new int[64];
    private int filledCount;
    /** Where each open object's slots start in {@link #filled}; the object holds the slots from there on. */
    private int[] firstFilled = new int[8];
    /** The depth of the innermost open object; -1 outside any. */
    private int depth = -1;

    UniqueKeys(JsonParser json) {
        super(json);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            remember(delegate.currentName());
        } else if (token == JsonToken.START_OBJECT) {
            objectStarted();
        } else if (token == JsonToken.END_OBJECT) {
            objectEnded();
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /** Skips through this parser, not the delegate, so that the keys of skipped objects are checked too. */
    @Override
    public JsonParser skipChildren() throws IOException {
        if (!delegate.hasToken(JsonToken.START_OBJECT) && !delegate.hasToken(JsonToken.START_ARRAY)) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken token = nextToken();
            if (token == null) {
                return this;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void objectStarted() {
        depth++;
        if (depth == tables.length) {
            tables = Arrays.copyOf(tables, depth * 2);
            firstFilled = Arrays.copyOf(firstFilled, depth * 2);
        }
        if (tables[depth] == null) {
            tables[depth] = new String[FIRST_TABLE_SIZE];
        }
        firstFilled[depth] = filledCount;
    }

    private void objectEnded() {
        if (depth < 0) {
            return;
        }
        String[] table = tables[depth];
        for (int i = firstFilled[depth]; i < filledCount; i++) {
            table[filled[i]] = null;
        }
        filledCount = firstFilled[depth];
        depth--;
    }

    private void remember(String key) throws JsonParseException {
        String[] table = tables[depth];
        int keys = filledCount - firstFilled[depth];
        if (keys * 2 >= table.length) {
            table = grow(table);
        }
        int hash = key.hashCode();
        int mask = table.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (String held = table[slot]; held != null; held = table[slot]) {
            // Jackson hands out one instance per distinct key, so == almost always decides; equals is for the rest.
            if (held == key || held.hashCode() == hash && held.equals(key)) {
                throw new JsonParseException(this, "Duplicate field '" + key + "'", delegate.currentTokenLocation());
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = key;
        if (filledCount == filled.length) {
            filled = Arrays.copyOf(filled, filledCount * 2);
        }
        filled[filledCount++] = slot;
    }

    /** A table twice the size with this object's keys moved in; the slots it fills replace the old ones. */
    private String[] grow(String[] old) {
        String[] table = new String[old.length * 2];
        int mask = table.length - 1;
        for (int i = firstFilled[depth]; i < filledCount; i++) {
            String key = old[filled[i]];
            old[filled[i]] = null;
            int hash = key.hashCode();
            int slot = (hash ^ (hash >>> 16)) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = key;
            filled[i] = slot;
        }
        tables[depth] = table;
        return table;
    }
}
