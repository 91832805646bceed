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
 * reading a large EC2 listing; this one keeps one open-addressing table per nesting depth, reused by each object at
 * that depth, so objects cost no allocation. Each object stamps the slots it fills with a number of its own, and a
 * slot with another stamp is free: an object that ends leaves its keys where they are instead of clearing them, which
 * cost a tenth of reading a normalized inventory of many small objects.
 */
final class UniqueKeys extends JsonParserDelegate {

    private static final int FIRST_TABLE_SIZE = 16;

    /** The keys at each depth, by hash; a key is the open object's only where its slot has that object's stamp. */
    private String[][] tables = new String[8][];
    /** The stamp of the object that filled each slot of each depth's table; 0 for never. */
    private long[][] stamps = new long[8][];
    /** The stamp of the open object at each depth: a number no other object of the file had. */
    private long[] stampOf = new long[8];
    /** How many keys the open object at each depth has. */
    private int[] keyCount = new int[8];
    private long lastStamp;
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
            stamps = Arrays.copyOf(stamps, depth * 2);
            stampOf = Arrays.copyOf(stampOf, depth * 2);
            keyCount = Arrays.copyOf(keyCount, depth * 2);
        }
        if (tables[depth] == null) {
            tables[depth] = new String[FIRST_TABLE_SIZE];
            stamps[depth] = new long[FIRST_TABLE_SIZE];
        }
        stampOf[depth] = ++lastStamp;
        keyCount[depth] = 0;
    }

    private void objectEnded() {
        if (depth >= 0) {
            depth--;
        }
    }

    private void remember(String key) throws JsonParseException {
        if (keyCount[depth] * 2 >= tables[depth].length) {
            grow();
        }
        String[] table = tables[depth];
        long[] stamped = stamps[depth];
        long stamp = stampOf[depth];
        int hash = key.hashCode();
        int mask = table.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (stamped[slot] == stamp) {
            String held = table[slot];
            // Jackson hands out one instance per distinct key, so == almost always decides; equals is for the rest.
            if (held == key || held.hashCode() == hash && held.equals(key)) {
                throw new JsonParseException(this, "Duplicate field '" + key + "'", delegate.currentTokenLocation());
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = key;
        stamped[slot] = stamp;
        keyCount[depth]++;
    }

    /** Tables twice the size for the open object at this depth, with its keys moved in. */
    private void grow() {
        String[] old = tables[depth];
        long[] oldStamps = stamps[depth];
        long stamp = stampOf[depth];
        String[] table = new String[old.length * 2];
        long[] stamped = new long[table.length];
        int mask = table.length - 1;
        for (int i = 0; i < old.length; i++) {
            if (oldStamps[i] == stamp) {
                int hash = old[i].hashCode();
                int slot = (hash ^ (hash >>> 16)) & mask;
                while (stamped[slot] == stamp) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = old[i];
                stamped[slot] = stamp;
            }
        }
        tables[depth] = table;
        stamps[depth] = stamped;
    }
}
