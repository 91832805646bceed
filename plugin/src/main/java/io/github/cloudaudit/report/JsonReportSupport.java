package io.github.cloudaudit.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.model.Origin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * What the JSON-based reporters share. They write with a streaming generator, one value at a time, so a report
 * of a hundred thousand findings never exists as one tree in memory.
 */
public final class JsonReportSupport {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int BUFFER = 64 * 1024;

    private JsonReportSupport() {
    }

    /**
     * A UTF-8 generator writing to the file; closing it closes the file. No pretty-printing: the files are read by
     * programs, and indentation alone made a large audit's findings.json a third bigger.
     */
    public static JsonGenerator open(Path file) throws IOException {
        return open(file, false);
    }

    /** As {@link #open(Path)}, gzip-compressed when asked. */
    public static JsonGenerator open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            return FACTORY.createGenerator(gzip ? new GZIPOutputStream(out, BUFFER) : out, JsonEncoding.UTF8);
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    /** A field holding a list of text; an empty list is written as {@code []}. */
    public static void stringArray(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** A field holding text, or null. */
    public static void nullableString(JsonGenerator json, String field, Object value) throws IOException {
        json.writeStringField(field, value == null ? null : value.toString());
    }

    /** A field holding true, false, or null for unknown. */
    public static void nullableBoolean(JsonGenerator json, String field, Boolean value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeBoolean(value);
        }
    }

    /** Where a resource was read from, as the findings schema's {@code origin}: a file place or an API call. */
    public static void origin(JsonGenerator json, Origin origin) throws IOException {
        json.writeFieldName("origin");
        if (origin == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        if (origin.isFile()) {
            json.writeStringField("file", origin.file());
            json.writeNumberField("line", origin.line());
            json.writeNumberField("column", origin.column());
        } else {
            json.writeStringField("operation", origin.operation());
            json.writeStringField("account", origin.account());
            json.writeStringField("region", origin.region());
        }
        json.writeEndObject();
    }

    /** An enum constant as the reports spell it: lower case, null for null. */
    public static String lowerCase(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
