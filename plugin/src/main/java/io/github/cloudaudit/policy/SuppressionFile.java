package io.github.cloudaudit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.source.InventoryFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class SuppressionFile {

    private SuppressionFile() {
    }

    public static List<Suppression> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new InventoryFormatException(file.toString(), at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode entries = root == null ? null : root.get("suppressions");
        if (entries == null || !entries.isArray()) {
            throw new InventoryFormatException(file.toString(), 1, 1, "expected a top-level 'suppressions' list");
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = "suppression #" + (i + 1);
            String rule = required(file, entry, "rule", where);
            String resource = required(file, entry, "resource", where);
            String justification = required(file, entry, "justification", where);
            LocalDate expires = null;
            if (entry.hasNonNull("expires")) {
                try {
                    expires = LocalDate.parse(entry.get("expires").asText());
                } catch (DateTimeParseException e) {
                    throw new InventoryFormatException(file.toString(), 0, 0, where + ": 'expires' must be a date "
                            + "like 2027-01-31, found '" + entry.get("expires").asText() + "'");
                }
            }
            ResourceScope scope;
            try {
                scope = ResourceScope.read(entry);
            } catch (IllegalArgumentException e) {
                throw new InventoryFormatException(file.toString(), 0, 0, where + ": " + e.getMessage());
            }
            suppressions.add(new Suppression(rule, resource, justification, expires, file.getFileName() + " " + where,
                    scope.providers(), scope.accounts(), scope.regions(), scope.tags(),
                    entry.hasNonNull("ticket") ? entry.get("ticket").asText() : null));
        }
        return suppressions;
    }

    private static String required(Path file, JsonNode entry, String field, String where) {
        JsonNode value = entry.get(field);
        if (value == null || value.asText().isBlank()) {
            throw new InventoryFormatException(file.toString(), 0, 0, where + " needs a non-empty '" + field + "'"
                    + (field.equals("justification") ? ": say why the finding is accepted" : ""));
        }
        return value.asText();
    }
}
