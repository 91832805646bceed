package io.github.cloudaudit.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.StrictParsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code cloud-audit.yml} and checks it against the published schema
 * ({@code io/github/cloudaudit/schema/cloud-audit.schema.json}), so a typo in a key or a wrong type is an error
 * naming the line, not a setting silently ignored.
 */
public final class ConfigurationFile {

    public static final String SCHEMA = "io/github/cloudaudit/schema/cloud-audit.schema.json";
    /** The file a project's root is searched for when {@code cloudaudit.config} is not given. */
    public static final String DEFAULT_NAME = "cloud-audit.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema VALIDATOR = loadSchema();

    private ConfigurationFile() {
    }

    /**
     * The file's settings as a tree, checked against the schema.
     *
     * @throws ConfigurationException naming the file, line and column of the first problem, and what was expected
     */
    public static ObjectNode read(Path file) throws IOException {
        JsonNode tree;
        try {
            // The strict parser every file goes through: a key given twice or an alias is an error, not a last-wins.
            tree = StrictParsers.read(file, file.toString(), false, parser -> YAML.reader(
                    LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser)).readTree(parser));
        } catch (InventoryFormatException notParsed) {
            throw new ConfigurationException(notParsed);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return YAML.createObjectNode();
        }
        Set<ValidationMessage> problems = VALIDATOR.validate(tree);
        if (!problems.isEmpty()) {
            throw firstProblem(file, problems);
        }
        ObjectNode settings = (ObjectNode) tree;
        resolvePaths(settings, file.toAbsolutePath().getParent());
        return settings;
    }

    /** Relative paths in the file mean relative to the file, wherever the build runs. */
    private static void resolvePaths(ObjectNode settings, Path folder) {
        for (String key : Configuration.PATH_KEYS) {
            JsonNode value = settings.get(key);
            if (value != null && value.isArray()) {
                ArrayNode resolved = settings.putArray(key);
                value.forEach(item -> resolved.add(folder.resolve(item.asText()).normalize().toString()));
            } else if (value != null && value.isTextual()) {
                settings.put(key, folder.resolve(value.asText()).normalize().toString());
            }
        }
    }

    /** The problem that comes first in the file, with its position; the others are counted. */
    private static ConfigurationException firstProblem(Path file, Set<ValidationMessage> problems) {
        List<Located> located = problems.stream().map(Located::of)
                .sorted(Comparator.comparingLong(Located::line).thenComparingLong(Located::column)
                        .thenComparing(Located::text))
                .toList();
        Located first = located.get(0);
        String more = located.size() > 1 ? " (and " + (located.size() - 1) + " more problem(s))" : "";
        return new ConfigurationException(file.toString(), first.line(), first.column(), first.text() + more);
    }

    /** A schema violation with the position of the value it is about. */
    private record Located(long line, long column, String text) {

        static Located of(ValidationMessage problem) {
            JsonNode node = problem.getInstanceNode();
            // An unknown key is reported on the object that holds it; point at the key's own value instead.
            if (problem.getProperty() != null && node != null && node.has(problem.getProperty())) {
                node = node.get(problem.getProperty());
            }
            JsonLocation at = node == null ? null : JsonNodes.tokenLocationOf(node);
            String path = problem.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
            String text = problem.getMessage().replaceFirst("^\\$[^:]*: ", "");
            return new Located(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    (path.isEmpty() ? "" : path + ": ") + text);
        }
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ConfigurationFile.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the plugin jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
