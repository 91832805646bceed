package io.github.cloudaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates JSON documents against JSON Schemas on the class path, with formats (date, date-time, uri) checked. */
public final class JsonSchemas {

    /** The plugin's own inventory format. */
    public static final String INVENTORY = "io/github/cloudaudit/schema/inventory.schema.json";
    /** The findings.json report. */
    public static final String FINDINGS = "io/github/cloudaudit/schema/findings.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    /** A schema from the class path, read with the given draft. */
    public static JsonSchema load(String resource, SpecVersion.VersionFlag draft) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("schema %s on the class path", resource).isNotNull();
            return JsonSchemaFactory.getInstance(draft).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the plugin's own schemas (draft 2020-12). */
    public static JsonSchema plugin(String resource) {
        return load(resource, SpecVersion.VersionFlag.V202012);
    }

    /** What is wrong with the document, one line per problem; empty when it is valid. */
    public static Set<String> problems(JsonNode document, JsonSchema schema) {
        return schema.validate(document).stream().map(ValidationMessage::toString).collect(Collectors.toSet());
    }

    public static Set<String> problems(String document, JsonSchema schema) {
        return problems(read(document), schema);
    }

    public static void assertValid(Path file, JsonSchema schema) {
        JsonNode document;
        try {
            document = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problems(document, schema)).as("schema problems in %s", file).isEmpty();
    }

    private static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
