package io.github.cloudaudit.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One tunable value, declared once: its key in {@code cloud-audit.yml} (under the rule that owns it, or at the top
 * for settings every rule shares), its type, its default and its lower bound. The pom's parameter of the same name
 * and the configuration file both go through {@link #parse}, so both are checked alike.
 *
 * @param key          the key in the configuration file and the name of the pom parameter, if there is one
 * @param kind         what the value looks like
 * @param defaultValue the value when neither the pom nor the file sets one
 * @param minimum      the smallest number allowed, for numeric kinds
 * @param description  one sentence for the schema and the docs
 * @param <T>          the Java type rules read
 */
public record Setting<T>(String key, Kind kind, T defaultValue, double minimum, String description) {

    /** The shapes a setting can take. */
    public enum Kind {
        INTEGER, NUMBER, TEXT_LIST, TAG_MAP
    }

    public static Setting<Integer> integer(String key, int defaultValue, int minimum, String description) {
        return new Setting<>(key, Kind.INTEGER, defaultValue, minimum, description);
    }

    public static Setting<Double> number(String key, double defaultValue, double minimum, String description) {
        return new Setting<>(key, Kind.NUMBER, defaultValue, minimum, description);
    }

    public static Setting<List<String>> texts(String key, List<String> defaultValue, String description) {
        return new Setting<>(key, Kind.TEXT_LIST, List.copyOf(defaultValue), 0, description);
    }

    public static Setting<Map<String, String>> tags(String key, Map<String, String> defaultValue, String description) {
        return new Setting<>(key, Kind.TAG_MAP, Map.copyOf(defaultValue), 0, description);
    }

    /**
     * Turns a value from the pom or a YAML tree into this setting's type: numbers as numbers or their text, lists as
     * lists or comma-separated text, tags as a map or {@code key=value} texts.
     *
     * @throws IllegalArgumentException naming the key and what was expected
     */
    @SuppressWarnings("unchecked")
    public T parse(Object raw) {
        return (T) switch (kind) {
            case INTEGER -> (int) atLeast(numberOf(raw), true);
            case NUMBER -> atLeast(numberOf(raw), false);
            case TEXT_LIST -> textsOf(raw);
            case TAG_MAP -> tagsOf(raw);
        };
    }

    private double atLeast(double value, boolean whole) {
        if (whole && value != Math.rint(value)) {
            throw new IllegalArgumentException(key + ": expected a whole number, found " + value);
        }
        if (value < minimum) {
            throw new IllegalArgumentException(key + ": must be at least " + format(minimum) + ", found " + format(value));
        }
        return value;
    }

    private double numberOf(Object raw) {
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a number, found '" + raw + "'");
        }
    }

    private List<String> textsOf(Object raw) {
        List<?> items = raw instanceof List<?> list ? list : List.of(String.valueOf(raw).split(","));
        return items.stream().map(item -> String.valueOf(item).trim()).filter(item -> !item.isEmpty()).toList();
    }

    private Map<String, String> tagsOf(Object raw) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> tags.put(String.valueOf(k).trim(), String.valueOf(v).trim()));
        } else {
            for (String pair : textsOf(raw)) {
                String[] parts = pair.split("=", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException(key + ": expected key=value (or key=*), found '" + pair + "'");
                }
                tags.put(parts[0].trim(), parts[1].trim());
            }
        }
        return tags;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
