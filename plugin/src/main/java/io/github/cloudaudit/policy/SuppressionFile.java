package io.github.cloudaudit.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.StrictParsers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a suppressions file:
 * <pre>
 * suppressions:
 *   - rule: orphan-no-owner          # rule id or glob
 *     resource: i-0abc*              # resource id, name or glob
 *     justification: owned by the platform team, tagging in progress (JIRA-123)
 *     expires: 2027-01-31            # optional; after this day the finding is reported again
 *     ticket: JIRA-123               # optional; the ticket that tracks the fix
 *     account: "1111*"               # optional, like provider and region: a value, glob or list of them
 *     tags: {env: test}              # optional; tags the resource must carry (values or globs)
 * </pre>
 * A suppression silences findings, so the file is read strictly: every value must be text as written (not null,
 * a YAML boolean or an alias), a key given twice is an error (a second {@code resource:} would widen the
 * suppression), and unknown fields are errors (a misspelt one would be ignored). Errors name the line.
 */
public final class SuppressionFile {

    private static final String LIST = "suppressions";
    private static final Set<String> FIELDS = Set.of("rule", "resource", "justification", "expires", "ticket");
    /** Fields that narrow where a suppression applies: a text or a list of texts, and tags a map of texts. */
    private static final Set<String> SCOPE_FIELDS = Set.of("provider", "account", "region", "tags");
    private static final ObjectMapper TREES = new ObjectMapper();
    /** Plain words that YAML 1.1 tools read as null or a boolean: as a justification they say nothing. */
    private static final Set<String> NOT_A_REASON = Set.of("~", "null", "yes", "no", "y", "n", "true", "false", "on", "off");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SuppressionFile() {
    }

    /** @throws InventoryFormatException naming the file, line and what was expected */
    public static List<Suppression> read(Path file) throws IOException {
        return StrictParsers.read(file, file.toString(), false, parser -> suppressions(parser, file));
    }

    private static List<Suppression> suppressions(JsonParser parser, Path file) throws IOException {
        List<Suppression> suppressions = null;
        if (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (!LIST.equals(parser.currentName())) {
                    throw fail(file, parser.currentTokenLocation(), "unknown top-level key '" + parser.currentName()
                            + "'; expected only the '" + LIST + "' list");
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw fail(file, parser.currentTokenLocation(), "expected '" + LIST + "' to be a list");
                }
                suppressions = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    suppressions.add(entry(parser, file, suppressions.size() + 1));
                }
            }
        }
        if (suppressions == null) {
            throw fail(file, JsonLocation.NA, "expected a top-level '" + LIST + "' list");
        }
        return suppressions;
    }

    private static Suppression entry(JsonParser parser, Path file, int number) throws IOException {
        String where = "suppression #" + number;
        JsonLocation start = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail(file, start, where + ": expected an object with rule, resource and justification");
        }
        Map<String, String> fields = new HashMap<>();
        ObjectNode scope = TREES.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (SCOPE_FIELDS.contains(key)) {
                JsonLocation at = parser.currentTokenLocation();
                parser.nextToken();
                JsonNode value = TREES.readTree(parser);
                if (!onlyTexts(value)) {
                    throw fail(file, at, where + ": expected '" + key + "' to hold text only (a value, a list of "
                            + "values, or for tags a map of values); quote numbers and yes/no words");
                }
                scope.set(key, value);
                continue;
            }
            if (!FIELDS.contains(key)) {
                throw fail(file, parser.currentTokenLocation(), where + ": unknown field '" + key
                        + "'; expected rule, resource, justification and optionally expires, ticket, provider, "
                        + "account, region and tags");
            }
            JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                throw fail(file, parser.currentTokenLocation(), where + ": expected '" + key + "' to be text, found "
                        + found(value, parser) + (value.isScalarValue() ? "; quote it if you mean the word" : ""));
            }
            fields.put(key, parser.getText());
        }
        String rule = required(file, start, fields, "rule", where);
        String resource = required(file, start, fields, "resource", where);
        String justification = required(file, start, fields, "justification", where);
        if (NOT_A_REASON.contains(justification.trim().toLowerCase(Locale.ROOT))) {
            throw fail(file, start, where + ": 'justification' is '" + justification
                    + "', which says nothing: say why the finding is accepted");
        }
        ResourceScope narrowed;
        try {
            narrowed = ResourceScope.read(scope);
        } catch (IllegalArgumentException e) {
            throw fail(file, start, where + ": " + e.getMessage());
        }
        return new Suppression(rule, resource, justification, expires(file, start, fields.get("expires"), where),
                file.getFileName() + " " + where, narrowed.providers(), narrowed.accounts(), narrowed.regions(),
                narrowed.tags(), fields.get("ticket"));
    }

    /** True when every value in the tree is text as written, not a number, boolean or null. */
    private static boolean onlyTexts(JsonNode value) {
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (!onlyTexts(child)) {
                    return false;
                }
            }
            return true;
        }
        return value.isTextual();
    }

    private static LocalDate expires(Path file, JsonLocation start, String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException notADay) {
            // reported below, like any other text that is not a date
        }
        throw fail(file, start, where + ": 'expires' must be a date like 2027-01-31, found '" + text + "'");
    }

    private static String required(Path file, JsonLocation start, Map<String, String> fields, String field, String where) {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            throw fail(file, start, where + " needs a non-empty '" + field + "'"
                    + (field.equals("justification") ? ": say why the finding is accepted" : ""));
        }
        return value;
    }

    private static String found(JsonToken token, JsonParser parser) throws IOException {
        return switch (token) {
            case VALUE_NULL -> "null (nothing)";
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case START_ARRAY -> "a list";
            default -> "an object";
        };
    }

    private static InventoryFormatException fail(Path file, JsonLocation at, String message) {
        return new InventoryFormatException(file.toString(), Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()),
                message);
    }
}
