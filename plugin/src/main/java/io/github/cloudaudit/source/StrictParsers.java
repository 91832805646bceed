package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsers every file the plugin reads goes through: inventories, suppression files and lifecycle tables. They
 * reject what would silently change the meaning of a file: a key given twice (the last would win), and YAML aliases
 * (never expanded: an alias would be read as its anchor's name). YAML tags are passed over; nothing is ever
 * instantiated from them.
 */
public final class StrictParsers {

    /**
     * SnakeYAML refuses documents over 3 MB by default, less than a YAML inventory of 9,000 servers. The limit stays,
     * at a size no honest inventory reaches, so that a runaway file still ends in an error instead of an exhausted heap.
     */
    private static final int YAML_CODE_POINT_LIMIT = 512 * 1024 * 1024;

    /** JSON keys given twice are caught by {@link UniqueKeys}, which costs a large listing less than Jackson's. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = yamlFactory();

    /** A Java exception's class name at the start of a message it wraps, e.g. {@code java.io.CharConversionException: }. */
    private static final Pattern JAVA_CLASS = Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");
    /** Jackson's note on where something started, with or without a column: {@code [Source: REDACTED ...; line: 1]}. */
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*?line: (\\d+)(?:, column: (\\d+))?\\]");

    private StrictParsers() {
    }

    /** What is done with a file's parser; parse errors it meets become located errors. */
    @FunctionalInterface
    public interface Work<T> {
        T with(JsonParser parser) throws IOException;
    }

    /**
     * Runs the work on a strict parser of the file, JSON or YAML.
     *
     * @param display the file's name in messages
     * @throws InventoryFormatException at the line and column of any parse error, or for text that is not UTF-8
     */
    public static <T> T read(Path file, String display, boolean json, Work<T> work) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = json ? new UniqueKeys(JSON.createParser(in))
                     : new NoAliases((YAMLParser) YAML.createParser(in))) {
            try {
                return work.with(parser);
            } catch (JsonProcessingException e) {
                throw error(display, e, parser);
            } catch (CharConversionException e) {
                JsonLocation at = parser.currentLocation();
                throw new InventoryFormatException(display, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()),
                        "not valid UTF-8 text: " + e.getMessage());
            }
        }
    }

    /**
     * A parse error as an {@link InventoryFormatException} at the line and column where it happened, in words:
     * Jackson's own location notes ({@code [Source: REDACTED ...]}) and SnakeYAML's multi-line excerpts are left out.
     */
    private static InventoryFormatException error(String file, JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation();
        if ((at == null || at.getLineNr() <= 0) && parser != null) {
            at = parser.currentLocation();
        }
        long line = at == null ? 0 : at.getLineNr();
        long column = at == null ? 0 : at.getColumnNr();
        return new InventoryFormatException(file, Math.max(0, line), Math.max(0, column), describe(e));
    }

    static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            return "not valid YAML: " + (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate field '")) {
            return "the key " + message.substring("Duplicate field ".length())
                    + " appears twice in one object; a second value would silently replace the first";
        }
        if (e instanceof StreamConstraintsException) {
            return "beyond what the plugin reads: " + JACKSON_SOURCE.matcher(message).replaceAll("");
        }
        Matcher source = JACKSON_SOURCE.matcher(message);
        return (e instanceof AliasException ? "" : "not valid JSON or YAML: ")
                + JAVA_CLASS.matcher(source.replaceAll(found -> " line " + found.group(1)
                + (found.group(2) == null ? "" : ", column " + found.group(2)))).replaceAll("").replaceAll("\\s*\\n\\s*", " ");
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YAML_CODE_POINT_LIMIT);
        return YAMLFactory.builder().loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** A YAML alias where a value belongs. */
    static final class AliasException extends JsonParseException {
        AliasException(JsonParser parser, String anchor) {
            super(parser, "YAML aliases are not supported: found *" + anchor
                    + " where a value belongs; write the value out in full");
        }
    }

    /** Stops at the first alias instead of reading it as a string holding its anchor's name. */
    private static final class NoAliases extends JsonParserDelegate {

        NoAliases(YAMLParser yaml) {
            super(yaml);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (((YAMLParser) delegate).isCurrentAlias()) {
                throw new AliasException(this, delegate.getText());
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }
    }
}
