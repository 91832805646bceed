package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.PlausibleDates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One element of a CLI output list (or an object inside it), with typed accessors that treat an absent or null
 * field as unknown and a field of the wrong type as an error naming its origin (the file and the line where the
 * element starts, or the API call) and the field's path, e.g. {@code Reservations[3].Instances[0].LaunchTime}.
 * SDK responses arrive here as the same tree the CLI prints, so this is the one place that reads AWS fields.
 */
final class AwsItem {

    private final JsonNode node;
    /** The item this one is a field or an element of; null for an element of a top-level list. */
    private final AwsItem parent;
    /** The fields from the parent to this item, or the top-level list's key. */
    private final String[] path;
    /** This item's place in its list; -1 for an object that is a field. */
    private final int index;
    private final Origin origin;
    private final PlausibleDates dates;

    /** Element {@code index} of the top-level list under {@code listKey}. */
    AwsItem(JsonNode node, String listKey, int index, Origin origin, PlausibleDates dates) {
        this(node, null, new String[] {listKey}, index, origin, dates);
    }

    // The name, e.g. Reservations[3].Instances[0], is spelled out only for an error: a large listing has millions of
    // items and fields, and almost never an error.
    private AwsItem(JsonNode node, AwsItem parent, String[] path, int index, Origin origin, PlausibleDates dates) {
        this.node = node;
        this.parent = parent;
        this.path = path;
        this.index = index;
        this.origin = origin;
        this.dates = dates;
    }

    JsonNode node() {
        return node;
    }

    Origin origin() {
        return origin;
    }

    /** A text field; null when absent. */
    String text(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw fail(path, "text");
        }
        return value.asText();
    }

    /** True when the field is text and one of the values; an absent field is none of them. */
    boolean textIsOneOf(Set<String> values, String... path) {
        String text = text(path);
        return text != null && values.contains(text);
    }

    Boolean bool(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw fail(path, "true or false");
        }
        return value.booleanValue();
    }

    Integer integer(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fail(path, "a whole number");
        }
        return value.intValue();
    }

    /** A timestamp's day in UTC, read by the one date parser ({@link PlausibleDates}): ISO-8601 text in a plausible range. */
    LocalDate date(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw InventoryFormatException.at(origin,
                    PlausibleDates.notText(name(path), value.isNumber() ? "the number " + value : "" + value));
        }
        try {
            return dates.parse(() -> name(path), value.textValue());
        } catch (IllegalArgumentException e) {
            throw InventoryFormatException.at(origin, e.getMessage());
        }
    }

    /** A nested object; an item over nothing when absent, so that its fields read as unknown. */
    AwsItem child(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return new AwsItem(MissingNode.getInstance(), this, path, -1, origin, dates);
        }
        if (!value.isObject()) {
            throw fail(path, "an object");
        }
        return new AwsItem(value, this, path, -1, origin, dates);
    }

    /** The elements of a nested list of objects; empty when absent. */
    List<AwsItem> list(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw fail(path, "a list");
        }
        List<AwsItem> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isObject()) {
                throw InventoryFormatException.at(origin, "expected " + name(path) + "[" + i + "] to be an object");
            }
            items.add(new AwsItem(element, this, path, i, origin, dates));
        }
        return items;
    }

    /** Texts found at the same field of each element of a nested list, e.g. each security group's GroupId. */
    List<String> texts(String listField, String field) {
        List<String> texts = new ArrayList<>();
        for (AwsItem element : list(listField)) {
            String text = element.text(field);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** A {@code [{"Key": ..., "Value": ...}]} tag list as a map; empty when absent. */
    Map<String, String> tags(String field) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (AwsItem tag : list(field)) {
            String key = tag.text("Key");
            if (key != null) {
                String value = tag.text("Value");
                tags.put(key, value == null ? "" : value);
            }
        }
        return tags;
    }

    /** An error about this item, e.g. a required field that is missing. */
    InventoryFormatException fail(String expected) {
        return InventoryFormatException.at(origin, "expected " + name() + " " + expected);
    }

    private InventoryFormatException fail(String[] path, String expected) {
        return InventoryFormatException.at(origin, "expected " + name(path) + " to be " + expected);
    }

    private JsonNode value(String... path) {
        JsonNode value = node;
        for (String field : path) {
            value = value.path(field);
        }
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    /** This item's name, e.g. {@code Reservations[3].Instances[0]}. */
    private String name() {
        String own = String.join(".", path) + (index < 0 ? "" : "[" + index + "]");
        return parent == null ? own : parent.name() + "." + own;
    }

    /** The name of a field of this item. */
    private String name(String... field) {
        return name() + "." + String.join(".", field);
    }
}
