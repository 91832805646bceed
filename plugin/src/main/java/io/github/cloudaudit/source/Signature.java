package io.github.cloudaudit.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * What a file looks like at its start, for readers to recognize their format by content.
 *
 * @param topLevelKey       for a file whose root is an object: one of its top-level keys (each is offered in turn)
 * @param firstItem         for a file whose root is an array: its first element; null for object roots
 * @param firstItemUnderKey for an object root: the first element of the list under {@code topLevelKey}, so that
 *                          generic wrappers such as Azure's {@code {"value": [...]}} can be told apart by what they
 *                          hold; null when that value is not a non-empty list of objects
 */
public record Signature(String topLevelKey, JsonNode firstItem, JsonNode firstItemUnderKey) {

    public Signature(String topLevelKey, JsonNode firstItem) {
        this(topLevelKey, firstItem, null);
    }

    public boolean isObjectWithKey(String key) {
        return key.equals(topLevelKey);
    }

    /** The first array item's {@code type} field (Azure resource type), lower-cased; null when absent. */
    public String firstItemType() {
        return typeOf(firstItem);
    }

    /** The {@code type} field of the first item listed under {@code topLevelKey}, lower-cased; null when absent. */
    public String firstItemUnderKeyType() {
        return typeOf(firstItemUnderKey);
    }

    private static String typeOf(JsonNode item) {
        if (item == null || !item.hasNonNull("type")) {
            return null;
        }
        return item.get("type").asText().toLowerCase(Locale.ROOT);
    }
}
