package io.github.cloudaudit.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.source.InventoryFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes a baseline file, meant to be committed: the accepted findings sorted by fingerprint, so a new
 * baseline differs from the old one only by the findings that came or went.
 * <pre>
 * baseline:
 *   - fingerprint: 3f1c0e9a2b7d4c6e8f00112233445566
 *     rule: stale-server
 *     provider: aws
 *     account: "111122223333"
 *     resource: i-0abc123
 *     severity: LOW
 * </pre>
 */
public final class BaselineFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");

    private BaselineFile() {
    }

    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InventoryFormatException(file.toString(), at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode entries = root == null ? null : root.get("baseline");
        if (entries == null || !entries.isArray()) {
            throw new InventoryFormatException(file.toString(), 1, 1, "expected a top-level 'baseline' list, as the "
                    + "baseline goal writes it");
        }
        List<BaselineEntry> accepted = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String fingerprint = entry.path("fingerprint").asText("");
            if (!FINGERPRINT.matcher(fingerprint).matches()) {
                throw new InventoryFormatException(file.toString(), 0, 0, "baseline entry #" + (i + 1)
                        + ": 'fingerprint' must be 32 hexadecimal digits, found '" + fingerprint + "'");
            }
            accepted.add(new BaselineEntry(fingerprint, text(entry, "rule"), text(entry, "provider"),
                    text(entry, "account"), text(entry, "resource"), text(entry, "severity")));
        }
        return new Baseline(file.toString(), accepted);
    }

    /** Writes the findings as accepted, one entry per fingerprint, sorted. */
    public static void write(Path file, List<Finding> accepted, LocalDate auditDate) throws IOException {
        ObjectNode root = YAML.createObjectNode();
        ArrayNode entries = root.putArray("baseline");
        accepted.stream().map(BaselineEntry::of).distinct()
                .sorted(Comparator.comparing(BaselineEntry::fingerprint))
                .forEach(e -> entries.add(YAML.valueToTree(e)));
        String header = "# Findings accepted on " + auditDate + " by the cloud-audit baseline goal. Commit this file;\n"
                + "# with cloudaudit.baseline set, the audit fails only on findings not listed here.\n";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, header + YAML.writeValueAsString(root));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
