package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
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
    static final int YAML_CODE_POINT_LIMIT = 512 * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLFactory YAML = yamlFactory();

    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    private StrictParsers() {
    }

    public static JsonParser json(InputStream in) throws IOException {
        return JSON.createParser(in);
    }

    public static JsonParser yaml(InputStream in) throws IOException {
        return new NoAliases((YAMLParser) YAML.createParser(in));
    }

    /**
     * A parse error as an {@link InventoryFormatException} at the line and column where it happened, in words:
     * Jackson's own location notes ({@code [Source: REDACTED ...]}) and SnakeYAML's multi-line excerpts are left out.
     */
    public static InventoryFormatException error(String file, JsonProcessingException e, JsonParser parser) {
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
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "beyond what the plugin reads: " + JACKSON_SOURCE.matcher(message).replaceAll("");
        }
        Matcher source = JACKSON_SOURCE.matcher(message);
        return (e instanceof AliasException ? "" : "not valid JSON or YAML: ")
                + source.replaceAll(found -> " (line " + found.group(1) + ", column " + found.group(2) + ")")
                .replaceAll("\\s*\\n\\s*", " ");
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(YAML_CODE_POINT_LIMIT);
        return YAMLFactory.builder().loaderOptions(options)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
