package io.github.cloudaudit.report.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a template, asset or message bundle by its file name: in the user's template directory first, then among
 * the built-in ones shipped in the report-templates jar.
 */
public final class TemplateSource {

    /** Where the report-templates module keeps its files on the class path. */
    static final String BUILT_IN_FOLDER = "io/github/cloudaudit/report/templates/";

    private final Path overrides;

    private TemplateSource(Path overrides) {
        this.overrides = overrides;
    }

    public static TemplateSource builtIn() {
        return new TemplateSource(null);
    }

    /** Files in the directory replace built-in ones of the same name; null means no directory. */
    public static TemplateSource withOverrides(Path directory) {
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("template directory not found: " + directory);
        }
        return new TemplateSource(directory);
    }

    /**
     * The names of the directory's files that are links leading out of it. A template is copied into the report, so
     * {@code about.mustache -> /etc/passwd} would publish that file; such links are refused, not followed.
     */
    public static List<String> linksLeadingOut(Path directory) throws IOException {
        Path real = directory.toRealPath();
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (!insideOf(real, file)) {
                    outside.add(file.getFileName().toString());
                }
            }
        }
        return outside;
    }

    private static boolean insideOf(Path realDirectory, Path file) throws IOException {
        return !Files.exists(file) || file.toRealPath().startsWith(realDirectory);
    }

    /** The file's text, from the template directory if it has one of that name, otherwise the built-in one. */
    public Optional<String> read(String name) {
        Optional<String> overridden = overridden(name);
        return overridden.isPresent() ? overridden : readBuiltIn(name);
    }

    /** The text of a file that must exist. */
    public String require(String name) {
        return read(name).orElseThrow(() -> new IllegalStateException("report template or asset '" + name
                + "' not found" + (overrides == null ? "" : " in " + overrides + " nor") + " in the built-in templates"));
    }

    /** Only the user's version of a file, for files that are merged rather than replaced. */
    public Optional<String> overridden(String name) {
        if (overrides == null) {
            return Optional.empty();
        }
        Path file = overrides.resolve(name).normalize();
        if (!file.startsWith(overrides.normalize()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (!insideOf(overrides.toRealPath(), file)) {
                throw new IOException("it is a link leading out of the template directory; templates are read from "
                        + "that directory only");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + file, e);
        }
    }

    /** Only the built-in version of a file. */
    public Optional<String> readBuiltIn(String name) {
        try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(BUILT_IN_FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in report template " + name, e);
        }
    }
}
