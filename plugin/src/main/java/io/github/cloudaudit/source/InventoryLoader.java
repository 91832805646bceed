package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.SourceFile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads inventory files and folders into one {@link Inventory}. Each file's format is recognized by its content,
 * never by its name. A file given by name must be recognized; files found in a folder that no reader recognizes
 * are listed as skipped (in the log and the reports), never silently ignored.
 */
public final class InventoryLoader {

    private static final Pattern AWS_ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern AZURE_SUBSCRIPTION = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");

    private final List<InventoryReader> readers;
    private final Consumer<String> warn;
    private final JsonFactory json = new ObjectMapper().getFactory();
    private final JsonFactory yaml = new ObjectMapper(new YAMLFactory()).getFactory();

    public InventoryLoader(List<InventoryReader> readers, Consumer<String> warn) {
        this.readers = List.copyOf(readers);
        this.warn = warn;
    }

    /** A loader with every reader on the plugin's class path. */
    public static InventoryLoader withBuiltInReaders(Consumer<String> warn) {
        List<InventoryReader> readers = new ArrayList<>();
        ServiceLoader.load(InventoryReader.class, InventoryLoader.class.getClassLoader()).forEach(readers::add);
        return new InventoryLoader(readers, warn);
    }

    public Inventory load(List<Path> inputs) throws IOException {
        InventoryBuilder builder = new InventoryBuilder();
        load(inputs, builder);
        return builder.build();
    }

    /** Reads the files and folders into a builder that other sources may share. */
    public void load(List<Path> inputs, InventoryBuilder builder) throws IOException {
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                loadFolder(input, builder);
            } else if (Files.isRegularFile(input)) {
                loadFile(input, input.toString(), null, null, builder, true);
            } else {
                throw new InventoryFormatException(input.toString(), 0, 0,
                        "no such file or folder; check the 'inventory' parameter (cloudaudit.inventory)");
            }
        }
    }

    private void loadFolder(Path folder, InventoryBuilder builder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path relative = folder.relativize(file);
            String display = folder.resolve(relative).toString();
            if (hidden(relative)) {
                skip(builder, display, "hidden file");
                continue;
            }
            Path withFolders = folder.toAbsolutePath().normalize().resolve(relative);
            loadFile(file, display, folderMatching(withFolders, AWS_ACCOUNT, AZURE_SUBSCRIPTION),
                    folderMatching(withFolders, REGION, null), builder, false);
        }
    }

    private void loadFile(Path file, String display, String account, String region, InventoryBuilder builder,
                          boolean named) throws IOException {
        JsonFactory factory = looksLikeJson(file) ? json : yaml;
        Optional<InventoryReader> reader;
        try {
            reader = detect(file, factory);
        } catch (JsonProcessingException e) {
            if (!named && factory == yaml) {
                skip(builder, display, "neither JSON nor YAML");
                return;
            }
            throw syntaxError(display, e);
        }
        if (reader.isEmpty()) {
            String why = "not a recognized inventory format (expected the normalized inventory, AWS CLI or Azure CLI JSON output)";
            if (named) {
                throw new InventoryFormatException(display, 0, 0, why);
            }
            skip(builder, display, why);
            return;
        }
        ReadContext context = new ReadContext(display, account, region, builder);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = factory.createParser(in)) {
            reader.get().read(parser, context);
        } catch (JsonProcessingException e) {
            throw syntaxError(display, e);
        }
        builder.source(new SourceFile(display, reader.get().format(), null));
    }

    /** Finds the reader for a file from its root: the top-level keys of an object, or the first item of a list. */
    private Optional<InventoryReader> detect(Path file, JsonFactory factory) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = factory.createParser(in)) {
            JsonToken root = parser.nextToken();
            if (root == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    boolean list = parser.nextToken() == JsonToken.START_ARRAY;
                    JsonNode firstItem = list ? firstObjectOfList(parser) : null;
                    Optional<InventoryReader> reader = find(new Signature(key, null, firstItem));
                    if (reader.isPresent()) {
                        return reader;
                    }
                    if (list) {
                        skipRestOfList(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
            } else if (root == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode first = new ObjectMapper().readTree(parser);
                return find(new Signature(null, first));
            }
            return Optional.empty();
        }
    }

    /** On a list's start: reads its first element when that is an object, else stays on the first element's token. */
    private static JsonNode firstObjectOfList(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.START_OBJECT ? new ObjectMapper().readTree(parser) : null;
    }

    /** Skips what is left of a list after {@link #firstObjectOfList}, without reading it as a tree. */
    private static void skipRestOfList(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            // Reading the first element as a tree consumed it and cleared the current token.
            token = parser.nextToken();
        }
        while (token != null && token != JsonToken.END_ARRAY) {
            parser.skipChildren();
            token = parser.nextToken();
        }
    }

    private Optional<InventoryReader> find(Signature signature) {
        return readers.stream().filter(r -> r.accepts(signature)).findFirst();
    }

    private void skip(InventoryBuilder builder, String display, String why) {
        warn.accept("Skipped " + display + ": " + why);
        builder.source(new SourceFile(display, null, why));
    }

    private static InventoryFormatException syntaxError(String display, JsonProcessingException e) {
        var at = e.getLocation();
        return new InventoryFormatException(display, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "not valid JSON or YAML: " + e.getOriginalMessage());
    }

    private static boolean looksLikeJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{' || c == '[';
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost folder name above the file that matches one of the patterns, or null. */
    private static String folderMatching(Path file, Pattern pattern, Pattern alternative) {
        String match = null;
        for (int i = 0; i < file.getNameCount() - 1; i++) {
            String name = file.getName(i).toString();
            if (pattern.matcher(name).matches() || (alternative != null && alternative.matcher(name).matches())) {
                match = name;
            }
        }
        return match;
    }
}
