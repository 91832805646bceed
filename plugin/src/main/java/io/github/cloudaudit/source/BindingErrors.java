package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's binding errors into what a person editing the file needs: the path of the field
 * ({@code servers[3].cpu.periodDays}) and what was expected there, in words rather than Java class names.
 */
public final class BindingErrors {

    private BindingErrors() {
    }

    /**
     * Where to point the reader: at the offending value, or at the start of the element for an unknown field, since
     * Jackson reads a record's unknown fields ahead and reports them only at the end of its object.
     */
    public static JsonLocation location(JsonMappingException error, JsonLocation elementStart) {
        JsonLocation at = error.getLocation();
        boolean known = at != null && at.getLineNr() > 0 && !(error instanceof UnrecognizedPropertyException);
        return known ? at : elementStart;
    }

    /**
     * @param element where the element being bound sits, e.g. {@code servers[3]}
     */
    public static String describe(JsonMappingException e, String element) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : "; expected one of " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return path(element, e.getPath(), 1) + ": unknown field '" + unknown.getPropertyName() + "'" + known;
        }
        String where = path(element, e.getPath(), 0);
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + ": expected " + expectation(mismatch.getTargetType()) + ", found " + found(e);
        }
        // A parse error met while binding (a key given twice, an alias) arrives wrapped; say what it was in words.
        return where + ": " + (e.getCause() instanceof JsonProcessingException parse
                ? StrictParsers.describe(parse) : e.getOriginalMessage());
    }

    /** The element followed by the field names and list indexes of the path, leaving off the last {@code drop}. */
    private static String path(String element, List<JsonMappingException.Reference> references, int drop) {
        StringBuilder path = new StringBuilder(element);
        for (JsonMappingException.Reference reference : references.subList(0, Math.max(0, references.size() - drop))) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true, false or null";
        }
        if (type == LocalDate.class) {
            return "an ISO date such as 2018-03-01";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of text values";
        }
        return "an object";
    }

    /** What the file holds where the error is, as written: YAML's bare {@code no} is shown as no, not as false. */
    private static String found(JsonMappingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
            return switch (parser.currentToken()) {
                case START_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_NULL -> "null";
                default -> "'" + textOf(parser) + "'";
            };
        }
        return e instanceof InvalidFormatException invalid ? "'" + invalid.getValue() + "'" : "something else";
    }

    private static String textOf(JsonParser parser) {
        try {
            return parser.getText();
        } catch (IOException e) {
            return parser.currentToken().toString();
        }
    }
}
