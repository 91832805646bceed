package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link UniqueKeys} must reject exactly what Jackson's own duplicate check rejects, on the same line, with the column
 * where the second key starts: Jackson gives the column after it.
 */
class UniqueKeysTest {

    private static final JsonFactory PLAIN = new JsonFactory();
    private static final JsonFactory JACKSON_CHECKED = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Names not shared between objects: the check cannot rely on one instance per distinct name. */
    private static final JsonFactory UNCANONICAL = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

    @Test
    void aKeyGivenTwiceIsRejectedWithJacksonsMessageAtItsPlace() {
        String json = "{\"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3}";

        assertThatThrownBy(() -> tokens(new UniqueKeys(PLAIN.createParser(json)), false))
                .isInstanceOf(JsonParseException.class).hasMessageStartingWith("Duplicate field 'a'")
                .satisfies(e -> assertThat(place(((JsonParseException) e).getLocation())).isEqualTo("3:2"));
    }

    @Test
    void theSameKeyInSiblingAndNestedObjectsIsNotADuplicate() throws IOException {
        String json = "{\"a\": {\"a\": {\"a\": 1}}, \"b\": [{\"a\": 1, \"b\": 2}, {\"a\": 1, \"b\": 2}], \"c\": {\"a\": 1}}";

        assertThat(tokens(new UniqueKeys(PLAIN.createParser(json)), false)).isEqualTo(tokens(PLAIN.createParser(json), false));
    }

    @Test
    void keysWithEqualHashCodesAreDistinct() throws IOException {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());

        assertThat(tokens(new UniqueKeys(PLAIN.createParser("{\"Aa\": 1, \"BB\": 2}")), false)).hasSize(6);
        assertThatThrownBy(() -> tokens(new UniqueKeys(PLAIN.createParser("{\"Aa\": 1, \"BB\": 2, \"Aa\": 3}")), false))
                .hasMessageStartingWith("Duplicate field 'Aa'");
    }

    @Test
    void aDuplicateAfterManyKeysIsFoundOnceTheTableHasGrown() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 200; i++) {
            json.append("\"key").append(i).append("\": ").append(i).append(", ");
        }
        json.append("\"key137\": 0}");

        assertThatThrownBy(() -> tokens(new UniqueKeys(PLAIN.createParser(json.toString())), false))
                .hasMessageStartingWith("Duplicate field 'key137'");
    }

    @Test
    void keysOfSkippedObjectsAreCheckedToo() throws IOException {
        JsonParser parser = new UniqueKeys(PLAIN.createParser("{\"skipped\": [{\"x\": 1, \"x\": 2}], \"kept\": 1}"));
        parser.nextToken();
        parser.nextToken();
        parser.nextToken();

        assertThatThrownBy(parser::skipChildren).hasMessageStartingWith("Duplicate field 'x'");
    }

    /**
     * Random documents with keys drawn from a few names, some with equal hash codes, nested in objects and lists, read
     * token by token or skipped whole: this check and Jackson's reject the same documents at the same key, and
     * pass the others with the same tokens.
     */
    @Test
    void agreesWithJacksonsOwnCheckOnRandomDocuments() throws IOException {
        String[] names = {"Aa", "BB", "Name", "Id", "Tags", "Key", "Value", "State"};
        assertAgreesWithJackson(new Shape(4, names, 4));
    }

    /**
     * Objects of up to 40 keys from a thousand names, nested less deep: the tables grow at 8, 16 and 32 keys, and a key
     * given before a growth must still be found after it.
     */
    @Test
    void agreesWithJacksonsOwnCheckOnObjectsThatOutgrowTheirTables() throws IOException {
        String[] names = new String[1000];
        for (int i = 0; i < names.length; i++) {
            names[i] = i == 0 ? "Aa" : i == 1 ? "BB" : "key" + i;
        }
        assertAgreesWithJackson(new Shape(40, names, 1));
    }

    /**
     * How the random documents look: how many keys an object has at most, the names they are drawn from, and the depth
     * below which values are only numbers.
     */
    private record Shape(int maxKeys, String[] names, int maxDepth) {
    }

    private static void assertAgreesWithJackson(Shape shape) throws IOException {
        Random random = new Random(20261201);
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            String json = document(random, shape);
            boolean skip = random.nextBoolean();
            String expected = outcome(JACKSON_CHECKED.createParser(json), skip);
            assertThat(placedAsJackson(outcome(new UniqueKeys(PLAIN.createParser(json)), skip))).as(json).isEqualTo(expected);
            assertThat(placedAsJackson(outcome(new UniqueKeys(UNCANONICAL.createParser(json)), skip))).as(json).isEqualTo(expected);
            rejected += expected.startsWith("Duplicate") ? 1 : 0;
        }
        assertThat(rejected).as("documents with a duplicate key among 3000").isBetween(500, 2500);
    }

    private static String outcome(JsonParser parser, boolean skip) throws IOException {
        try {
            return String.join(" ", tokens(parser, skip));
        } catch (JsonParseException e) {
            return e.getOriginalMessage() + " at " + place(e.getLocation());
        }
    }

    /** An outcome of {@link UniqueKeys} with a duplicate placed after the key, as Jackson places it. */
    private static String placedAsJackson(String outcome) {
        Matcher duplicate = Pattern.compile("Duplicate field '(\\w+)' at (\\d+):(\\d+)").matcher(outcome);
        if (!duplicate.matches()) {
            return outcome;
        }
        // The random keys are ASCII letters in quotes.
        int after = Integer.parseInt(duplicate.group(3)) + duplicate.group(1).length() + 2;
        return "Duplicate field '" + duplicate.group(1) + "' at " + duplicate.group(2) + ":" + after;
    }

    /** The tokens read; with skip, every object or list under the top object is skipped as a reader skips fields. */
    private static List<String> tokens(JsonParser parser, boolean skip) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            tokens.add(token == JsonToken.FIELD_NAME ? parser.currentName() : token.asString());
            if (skip && token.isStructStart() && parser.getParsingContext().getParent().inObject()) {
                parser.skipChildren();
            }
        }
        return tokens;
    }

    private static String place(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String document(Random random, Shape shape) {
        StringBuilder json = new StringBuilder();
        object(random, json, 0, shape);
        return json.toString();
    }

    private static void object(Random random, StringBuilder json, int depth, Shape shape) {
        json.append('{');
        int keys = random.nextInt(shape.maxKeys() + 1);
        for (int k = 0; k < keys; k++) {
            json.append(k == 0 ? "" : ", ").append('"').append(shape.names()[random.nextInt(shape.names().length)])
                    .append("\":").append(random.nextBoolean() ? "\n" : " ");
            value(random, json, depth + 1, shape);
        }
        json.append('}');
    }

    private static void value(Random random, StringBuilder json, int depth, Shape shape) {
        int kind = depth > shape.maxDepth() ? 0 : random.nextInt(3);
        if (kind == 0) {
            json.append(random.nextInt(100));
        } else if (kind == 1) {
            object(random, json, depth, shape);
        } else {
            json.append('[');
            int items = random.nextInt(3);
            for (int i = 0; i < items; i++) {
                json.append(i == 0 ? "" : ", ");
                value(random, json, depth + 1, shape);
            }
            json.append(']');
        }
    }
}
