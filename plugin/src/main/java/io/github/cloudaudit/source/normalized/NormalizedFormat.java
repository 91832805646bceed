package io.github.cloudaudit.source.normalized;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.LocalDate;
import java.util.List;

/**
 * What the reader and the writer of the normalized inventory share: its version, its top-level keys and one
 * Jackson set-up, so that whatever the writer produces the reader accepts.
 */
final class NormalizedFormat {

    /** The version this plugin reads and writes; a file with a higher one needs a newer plugin. */
    static final int SCHEMA_VERSION = 1;

    static final String VERSION_KEY = "schemaVersion";
    static final String COLLECTED_AT = "collectedAt";
    static final String COLLECTOR = "collector";
    static final String SERVERS = "servers";
    static final String SCOPES = "scopes";
    static final String NETWORKS = "networks";
    static final String GAPS = "gaps";
    static final String THREATS = "threats";
    /** The lists of facts, in the order the writer writes them. */
    static final List<String> SECTIONS = List.of(SERVERS, SCOPES, NETWORKS, GAPS, THREATS);
    static final List<String> TOP_LEVEL_KEYS = List.of(VERSION_KEY, COLLECTED_AT, COLLECTOR, SERVERS, SCOPES, NETWORKS,
            GAPS, THREATS);

    /**
     * Strict where leniency would turn a mistake into a wrong fact: unknown fields, numbers for enum names,
     * fractions for counts and sloppy dates are errors, and so are booleans and fractions where text belongs (YAML
     * reads a bare {@code no} as false and {@code 10.10} as 10.1). Enum names are accepted in any case and written in
     * lower case.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(PlainDates.module())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // The writer streams thousands of servers through one generator; flushing after each is wasted I/O.
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    private NormalizedFormat() {
    }
}
