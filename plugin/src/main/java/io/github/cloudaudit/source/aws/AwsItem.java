package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.source.InventoryFormatException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a CLI output list (or an object inside it), with typed accessors that treat an absent or null
 * field as unknown and a field of the wrong type as an error naming its origin (the file and the line where the
 * element starts, or the API call) and the field's path, e.g. {@code Reservations[3].Instances[0].LaunchTime}.
 * SDK responses arrive here as the same tree the CLI prints, so this is the one place that reads AWS fields.
 */
final class AwsItem {

    private final JsonNode node;
    private final String name;
    private final Origin origin;

    AwsItem(JsonNode node, String name, Origin origin) {
        this.node = node;
        this.name = name;
        this.origin = origin;
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

    /**
     * A timestamp's day in UTC. The CLI prints ISO-8601 ({@code 2024-01-31T12:00:00.000Z}, CLI v2
     * {@code 2024-01-31T12:00:00+00:00}) or, for JSON-protocol services in CLI v1, epoch seconds.
     */
    LocalDate date(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000)).atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.asText()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(value.asText());
                } catch (DateTimeParseException notADate) {
                    // reported below with the field's name
                }
            }
        }
        throw fail(path, "a timestamp such as 2024-01-31T12:00:00.000Z, found '" + value.asText() + "'");
    }

    /** A nested object; an item over nothing when absent, so that its fields read as unknown. */
    AwsItem child(String... path) {
        JsonNode value = value(path);
        if (value == null) {
            return new AwsItem(MissingNode.getInstance(), name(path), origin);
        }
        if (!value.isObject()) {
            throw fail(path, "an object");
        }
        return new AwsItem(value, name(path), origin);
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
            String elementName = name(path) + "[" + i + "]";
            if (!element.isObject()) {
                throw InventoryFormatException.at(origin, "expected " + elementName + " to be an object");
            }
            items.add(new AwsItem(element, elementName, origin));
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
        return InventoryFormatException.at(origin, "expected " + name + " " + expected);
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

    private String name(String... path) {
        return name + "." + String.join(".", path);
    }
}
