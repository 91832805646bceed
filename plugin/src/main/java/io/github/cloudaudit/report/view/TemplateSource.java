package io.github.cloudaudit.report.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
