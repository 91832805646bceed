package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class UsedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsOnlyTheNamedFieldsThroughObjectsAndLists() throws IOException {
        String instance = "{\"Id\": \"i-1\", \"Skipped\": {\"Deep\": [1, 2, {\"x\": 3}]},"
                + " \"Nics\": [{\"Attachment\": {\"Index\": 0, \"Other\": 1}, \"Mac\": \"m\"}, null, \"odd\"],"
                + " \"Tags\": [{\"Key\": \"a\", \"Value\": \"b\"}], \"State\": \"not an object\"}";
        UsedFields used = UsedFields.paths("Id", "Nics.Attachment.Index", "Tags", "Tags.Key", "State.Name");

        assertThat(read(used, instance).toString()).isEqualTo("{\"Id\":\"i-1\",\"Nics\":[{\"Attachment\":{\"Index\":0}},"
                + "null,\"odd\"],\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}],\"State\":\"not an object\"}");
    }

    @Test
    void allKeepsEverything() throws IOException {
        String item = "{\"a\": {\"b\": [1, {\"c\": null}]}, \"d\": true}";

        assertThat(read(UsedFields.ALL, item)).isEqualTo(JSON.readTree(item));
    }

    @Test
    void keptValuesAreTheTreesTheMapperBuilds() throws IOException {
        String item = "{\"int\": -7, \"long\": 12345678901, \"big\": 123456789012345678901234567890,"
                + " \"float\": 1.5e-3, \"text\": \"Ås \\u00e9\\n\", \"yes\": true, \"no\": false, \"nothing\": null,"
                + " \"list\": [[], {}, 0.0, \"\"], \"object\": {\"inner\": {\"deeper\": [1]}}}";
        UsedFields someFields = UsedFields.paths("int", "long", "big", "float", "text", "yes", "no", "nothing",
                "list", "object.inner");

        assertThat(read(UsedFields.ALL, item)).isEqualTo(JSON.readTree(item));
        assertThat(read(someFields, item)).isEqualTo(JSON.readTree(item));
        assertThat(read(UsedFields.ALL, item).get("big").isBigInteger()).isTrue();
        assertThat(read(UsedFields.ALL, item).get("long").isLong()).isTrue();
        assertThat(read(UsedFields.ALL, item).get("int").isInt()).isTrue();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(UsedFields used, String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return used.read(parser);
        }
    }
}
