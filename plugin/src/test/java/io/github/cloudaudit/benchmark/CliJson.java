package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a JSON file laid out exactly as the AWS CLI prints {@code --output json}: four-space indentation,
 * {@code "key": value}, {@code []} and {@code {}} for empty containers, and a newline at the end.
 */
final class CliJson implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter FOUR_SPACES = new DefaultIndenter("    ", "\n");

    private final JsonGenerator generator;

    private CliJson(JsonGenerator generator) {
        this.generator = generator;
    }

    /** Opens the file for writing, replacing it; the caller writes one root value and closes. */
    static CliJson create(Path file) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8);
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        generator.setPrettyPrinter(new DefaultPrettyPrinter(separators)
                .withObjectIndenter(FOUR_SPACES)
                .withArrayIndenter(FOUR_SPACES));
        return new CliJson(generator);
    }

    JsonGenerator generator() {
        return generator;
    }

    @Override
    public void close() throws IOException {
        generator.writeRaw('\n');
        generator.close();
    }
}
