package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.parallel.InOrder;
import io.github.cloudaudit.text.Text;
import io.github.cloudaudit.text.TextBundles;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads inventory files and folders into one {@link Inventory}. Each file's format is recognized by its content,
 * never by its name. A file given by name must be recognized; files found in a folder that no reader recognizes
 * are listed as skipped (in the log and the reports), never silently ignored. What cannot be read at all (a broken
 * link, a link loop, a FIFO, an unreadable folder, a file that is not valid YAML) is a coverage gap, so the audit is
 * incomplete rather than clean; and an audit that read no inventory at all is an error, never an all-clear.
 */
public final class InventoryLoader {

    private static final Pattern AWS_ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern AZURE_SUBSCRIPTION = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");

    /** How many skipped files the error about an audit that read nothing names before it says "and N more". */
    private static final int SKIPPED_NAMED = 10;

    /** One file's share of the inventory and what the log says of it, both taken in file order. */
    private record Part(InventoryBuilder facts, List<String> warnings) {
    }

    private final List<InventoryReader> readers;
    private final Consumer<String> warn;
    private final int maxThreads;

    /** The prefix of the reading threads' names, which a thread dump of a slow build shows. */
    static final String READER_THREADS = "cloud-audit-reader-";

    /** A loader that reads as many files at once as {@link InOrder#threads()}. */
    public InventoryLoader(List<InventoryReader> readers, Consumer<String> warn) {
        this(readers, warn, InOrder.threads());
    }

    /** @param maxThreads how many files are read at once; 1 reads them one after the other on the calling thread */
    InventoryLoader(List<InventoryReader> readers, Consumer<String> warn, int maxThreads) {
        this.readers = List.copyOf(readers);
        this.warn = warn;
        this.maxThreads = maxThreads;
    }

    /** A loader with every reader on the plugin's class path. */
    public static InventoryLoader withBuiltInReaders(Consumer<String> warn) {
        return new InventoryLoader(builtInReaders(), warn);
    }

    static List<InventoryReader> builtInReaders() {
        List<InventoryReader> readers = new ArrayList<>();
        ServiceLoader.load(InventoryReader.class, InventoryLoader.class.getClassLoader()).forEach(readers::add);
        return readers;
    }

    /**
     * The inventory in the files and folders, for an audit dated today.
     *
     * @throws InventoryFormatException when a file is not what it claims to be, and when no inventory was read at
     *                                  all: an audit of nothing would otherwise pass as clean
     */
    public Inventory load(List<Path> inputs) throws IOException {
        InventoryBuilder builder = new InventoryBuilder();
        load(inputs, builder);
        Inventory inventory = builder.build();
        requireSomethingRead(inputs, inventory);
        return inventory;
    }

    /**
     * Reads the files and folders into a builder that other sources may share. Where processors are spare, files
     * are read at once, each into a part of its own, and the parts are added and logged in file order: the inventory,
     * the log and the error that stops the build are those of reading the files one after the other.
     */
    public void load(List<Path> inputs, InventoryBuilder builder) throws IOException {
        List<InOrder.Task<Part>> reads = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                readsOfFolder(input, builder, reads);
            } else if (Files.isRegularFile(input)) {
                reads.add(() -> {
                    Part part = newPart(builder);
                    loadFile(input, input.toString(), null, null, part, true);
                    return part;
                });
            } else {
                // Thrown in its turn, so that an error in an input before it is the one reported, as before.
                reads.add(() -> {
                    throw new InventoryFormatException(input.toString(), 0, 0, (Files.exists(input)
                            ? "neither a regular file nor a folder" : "no such file or folder")
                            + "; check the 'inventory' parameter (cloudaudit.inventory)");
                });
            }
        }
        InOrder.run(READER_THREADS, "reading inventory files: the inventory is incomplete", reads, maxThreads, part -> {
            part.warnings().forEach(warn);
            if (part.facts() != builder) {
                builder.addAll(part.facts());
            }
        });
    }

    /**
     * The part a read fills as it runs: its own builder when files are read at once, the whole builder itself when
     * they are read one after the other, which spares adding each file's facts again (a twentieth of the reading).
     */
    private Part newPart(InventoryBuilder whole) {
        return new Part(maxThreads <= 1 ? whole : whole.emptyPart(), new ArrayList<>());
    }

    /**
     * Fails an audit of files that read no inventory at all (an empty folder, a folder of only unrecognized files),
     * saying what was skipped: it would otherwise pass as an audit that found nothing wrong.
     */
    public static void requireSomethingRead(List<Path> inputs, Inventory inventory) {
        if (inventory.sources().stream().allMatch(source -> source.format() == null)) {
            throw nothingRead(inputs, inventory.sources());
        }
    }

    private static InventoryFormatException nothingRead(List<Path> inputs, List<SourceFile> skipped) {
        String what = skipped.isEmpty() ? "no files were found"
                : skipped.size() + " file(s) found, none of them inventory: " + skipped.stream().limit(SKIPPED_NAMED)
                .map(s -> s.path() + " (" + s.skipped() + ")").collect(Collectors.joining(", "))
                + (skipped.size() > SKIPPED_NAMED ? " and " + (skipped.size() - SKIPPED_NAMED) + " more" : "");
        return new InventoryFormatException(inputs.stream().map(Path::toString).collect(Collectors.joining(", ")),
                0, 0, "nothing was audited: no inventory was read (" + what + "); check the 'inventory' parameter "
                + "(cloudaudit.inventory)");
    }

    /** The reads of a folder's files, after one that reports what the walk could not read. */
    private void readsOfFolder(Path folder, InventoryBuilder builder, List<InOrder.Task<Part>> reads)
            throws IOException {
        // Filled now, while the reads are listed: a part of its own, added in its turn.
        Part walk = new Part(builder.emptyPart(), new ArrayList<>());
        reads.add(() -> walk);
        List<Path> files = new ArrayList<>();
        // Links are followed, so inventory behind a linked folder is read; what cannot be followed is reported.
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                } else if (attributes.isSymbolicLink()) {
                    unreadable(walk, file, "a link to nothing (a broken symbolic link)");
                } else {
                    unreadable(walk, file, "not a regular file (a FIFO, socket or device), so it was not opened");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                unreadable(walk, file, failure instanceof FileSystemLoopException
                        ? "a link loop: it leads back to a folder above it" : cannotRead(failure));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
                if (failure != null) {
                    unreadable(walk, dir, "the folder could not be listed to the end: " + cannotRead(failure));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        for (Path file : files) {
            Path relative = folder.relativize(file);
            String display = folder.resolve(relative).toString();
            if (hidden(relative)) {
                Part hiddenFile = new Part(builder.emptyPart(), new ArrayList<>());
                skip(hiddenFile, display, Text.of("source.skipped.hidden"));
                reads.add(() -> hiddenFile);
                continue;
            }
            Path withFolders = folder.toAbsolutePath().normalize().resolve(relative);
            String account = folderMatching(withFolders, AWS_ACCOUNT, AZURE_SUBSCRIPTION);
            String region = folderMatching(withFolders, REGION, null);
            reads.add(() -> {
                Part part = newPart(builder);
                try {
                    loadFile(file, display, account, region, part, false);
                } catch (AccessDeniedException e) {
                    unreadable(part, file, cannotRead(e));
                }
                return part;
            });
        }
    }

    /** Something in a folder that may have been inventory but could not be read: the audit of it is incomplete. */
    private static void unreadable(Part part, Path path, String why) {
        part.warnings().add("Cannot read " + path + ": " + why + "; the audit is INCOMPLETE");
        part.facts().source(new SourceFile(path.toString(), null, why));
        part.facts().gap(new CoverageGap(null, null, null, "inventory file " + path, why));
    }

    private static String cannotRead(IOException failure) {
        return failure instanceof AccessDeniedException ? "permission denied"
                : "cannot be read (" + failure.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .replace(" Exception", "").toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private void loadFile(Path file, String display, String account, String region, Part part, boolean named)
            throws IOException {
        boolean json = TextEncoding.check(file, display);
        Optional<InventoryReader> reader;
        try {
            reader = StrictParsers.read(file, display, json, this::detect);
        } catch (InventoryFormatException notParsed) {
            if (named || json) {
                throw notParsed;
            }
            // Not YAML either; it may have been meant as inventory, so the audit cannot call itself complete.
            unreadable(part, file, "not valid JSON or YAML (" + notParsed.getMessage() + ")");
            return;
        }
        if (reader.isEmpty()) {
            Text why = Text.of("source.skipped.notInventory");
            if (named) {
                throw new InventoryFormatException(display, 0, 0, TextBundles.render("en", why));
            }
            skip(part, display, why);
            return;
        }
        ReadContext context = new ReadContext(display, account, region, part.facts());
        StrictParsers.read(file, display, json, parser -> {
            reader.get().read(parser, context);
            JsonToken more = parser.nextToken();
            if (more != null) {
                throw context.fail(parser, "expected the end of the file after the first document, found more: "
                        + "a file holds one command's output, and a second document would not be read");
            }
            return null;
        });
        part.facts().source(new SourceFile(display, reader.get().format(), null));
    }

    /** Finds the reader for a file from its root: the top-level keys of an object, or the first item of a list. */
    private Optional<InventoryReader> detect(JsonParser parser) throws IOException {
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

    private static void skip(Part part, String display, Text why) {
        String english = TextBundles.render("en", why);
        part.warnings().add("Skipped " + display + ": " + english);
        part.facts().source(new SourceFile(display, null, english, why));
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
