package io.github.cloudaudit.source;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a file looks like at its start, for readers to recognize their format by content.
 *
 * @param topLevelKey for a file whose root is an object: one of its top-level keys (each is offered in turn)
 * @param firstItem   for a file whose root is an array: its first element; null for object roots
 */
public record Signature(String topLevelKey, JsonNode firstItem) {

    public boolean isObjectWithKey(String key) {
        return key.equals(topLevelKey);
    }

    /** The first array item's {@code type} field (Azure resource type), lower-cased; null when absent. */
    public String firstItemType() {
        if (firstItem == null || !firstItem.hasNonNull("type")) {
            return null;
        }
        return firstItem.get("type").asText().toLowerCase(java.util.Locale.ROOT);
    }
}
