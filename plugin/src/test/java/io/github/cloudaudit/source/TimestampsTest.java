package io.github.cloudaudit.source;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quick reading of UTC timestamps gives what the general parser gives, and refuses what it refuses. */
class TimestampsTest {

    @Test
    void utcToTheSecondIsReadInBothSpellings() {
        assertThat(Timestamps.parse("2026-11-22T23:00:00Z")).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(Timestamps.parse("2026-11-22T23:00:00+00:00")).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(Timestamps.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(Timestamps.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void otherFormsAreTheGeneralParsersToReadOrRefuse() {
        assertThat(Timestamps.parse("2026-11-22T23:00:00.500Z")).isEqualTo(Instant.parse("2026-11-22T23:00:00.500Z"));
        assertThat(Timestamps.parse("2026-11-23T01:00:00+02:00")).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        for (String impossible : List.of("2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z",
                "2026-11-22T23:59:60Z", "2026-11-2xT23:00:00Z", "2026/11/22T23:00:00Z", "2026-11-22 23:00:00Z",
                "2026-11-22T23:00:00", "")) {
            assertThatThrownBy(() -> Timestamps.parse(impossible)).as(impossible)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void everyTextGivesWhatTheGeneralParserGives() {
        Random random = new Random(20261201);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String text = "%04d-%02d-%02dT%02d:%02d:%02d%s".formatted(random.nextInt(2200), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    List.of("Z", "+00:00", "-00:00", "+01:00", "z", ".0Z").get(random.nextInt(6)));
            texts.add(i % 7 == 0 ? text.replace(text.charAt(random.nextInt(text.length())), '7') : text);
        }
        for (String text : texts) {
            Object general = outcome(() -> OffsetDateTime.parse(text).toInstant());
            Object quick = outcome(() -> Timestamps.parse(text));
            assertThat(quick).as(text).isEqualTo(general);
        }
    }

    /** The instant, or the kind of error. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
