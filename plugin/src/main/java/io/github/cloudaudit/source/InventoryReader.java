package io.github.cloudaudit.source;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Reads one inventory format, recognized by content. Readers are found with {@link java.util.ServiceLoader}: a new
 * format is a new class plus its line in {@code META-INF/services/io.github.cloudaudit.source.InventoryReader}.
 * Readers stream: they take one element at a time from the parser and never load a whole file as one tree.
 */
public interface InventoryReader {

    /** The format's name in logs and reports, e.g. {@code aws-cli: ec2 describe-instances}. */
    String format();

    /** True when a file with this signature is in this reader's format. */
    boolean accepts(Signature signature);

    /**
     * Reads the whole file. The parser is positioned before the root token.
     *
     * @throws InventoryFormatException (via {@link ReadContext#fail}) when the content is not as expected
     */
    void read(JsonParser parser, ReadContext context) throws IOException;
}
