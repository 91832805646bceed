package io.github.cloudaudit.source.normalized;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cloudaudit.testing.NearTexts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PlainDatesTest {

    /** The Java time module alone, strict as the normalized format asks it to be: the behaviour to keep. */
    private static final ObjectMapper GENERAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)))
            .build();

    @Test
    void theNormalizedFormatReadsDatesThroughIt() throws IOException {
        ObjectMapper mapper = NormalizedFormat.MAPPER;
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);

        assertThat(context.findRootValueDeserializer(mapper.constructType(LocalDate.class)))
                .isInstanceOf(PlainDates.class);
        assertThat(mapper.readValue("\"2024-02-29\"", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    /**
     * Random texts near a plain date (a character changed, left out or added: digits, separators, a time, a space,
     * an Arabic-Indic digit) read as the general parser reads them, or rejected with its message.
     */
    @Test
    void readsEveryTextAsTheGeneralParserDoes() {
        String[] seeds = {"2024-01-31", "2024-02-29", "2023-02-28", "1999-12-31", "2026-11-30"};
        NearTexts texts = new NearTexts(seeds, "0123456789-T:Z \u0663x", 20261201);
        int dates = 0;
        for (int run = 0; run < 20_000; run++) {
            String json = "\"" + texts.next() + "\"";
            String expected = outcome(GENERAL, json);
            assertThat(outcome(NormalizedFormat.MAPPER, json)).as(json).isEqualTo(expected);
            dates += expected.startsWith("date ") ? 1 : 0;
        }
        assertThat(dates).as("texts that are dates").isBetween(5_000, 15_000);
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return "date " + mapper.readValue(json, LocalDate.class);
        } catch (JsonProcessingException e) {
            return e.getClass().getSimpleName() + ": " + e.getOriginalMessage();
        }
    }
}
