package io.github.cloudaudit.source;

import io.github.cloudaudit.testing.NearTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlausibleDatesTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 30);
    private final PlausibleDates dates = new PlausibleDates(AUDIT_DATE);

    @Test
    void readsTheFormsTheCloudsPrintAsTheirUtcDay() {
        assertThat(dates.parse("f", "2024-01-31T12:00:00.000Z")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(dates.parse("f", "2024-01-31T23:30:00-02:00")).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(dates.parse("f", "2024-01-31T12:00:00.1234567")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(dates.parse("f", "2024-01-31")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(dates.parse("f", "2024-02-29T23:59:59+00:00")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(dates.parse("f", "2024-01-31T00:30:00+01:00")).isEqualTo(LocalDate.of(2024, 1, 30));
    }

    @Test
    void theRangeRunsFrom1990ToAYearAfterTheAuditDateInclusive() {
        assertThat(dates.parse("f", "1990-01-01")).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(dates.parse("f", "2027-11-30")).isEqualTo(LocalDate.of(2027, 11, 30));
        assertThatThrownBy(() -> dates.parse("f", "1989-12-31")).hasMessageContaining("found 1989-12-31");
        assertThatThrownBy(() -> dates.parse("f", "2027-12-01"))
                .hasMessage("expected f to lie between 1990-01-01 and 2027-11-30 (a year after the audit date), found 2027-12-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99999-01-01T00:00:00Z", "-2000-01-01T00:00:00Z", "1e999999", "1700000000", "31/01/2024",
            "2024-02-30", "", "yesterday", "2024-02-30T10:00:00Z", "2024-01-31T24:00:00Z", "2024-01-31T12:60:00.000Z",
            "2024-01-31T12:00:00.000Zulu"})
    void anythingElseIsAnErrorNamingTheField(String text) {
        assertThatThrownBy(() -> dates.parse("Reservations[0].Instances[0].LaunchTime", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expected Reservations[0].Instances[0].LaunchTime to ");
    }

    /**
     * The fast path reads a UTC timestamp's day from its digits. Against a regular expression of that shape and the
     * general parser, on random texts near the shape: each character may be swapped for a neighbour, a digit, a
     * non-ASCII digit, or left out, so the checks of every position, the fraction's length and the zone all get tried.
     */
    @Test
    void theFastPathAgreesWithARegularExpressionOfItsShapeAndWithTheGeneralParser() {
        Pattern shape = Pattern.compile(
                "(\\d{4})-(\\d{2})-(\\d{2})T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|\\+00:00)");
        String[] seeds = {"2024-01-31T12:00:00.000Z", "2018-03-01T10:00:00+00:00", "2024-02-29T23:59:59Z",
                "1999-12-31T00:00:00.123456789Z", "2023-06-15T09:41:07.5+00:00"};
        NearTexts texts = new NearTexts(seeds, "0123456789-T:.Z+ \u0663x", 20261201);
        int matched = 0;
        for (int run = 0; run < 200_000; run++) {
            String candidate = texts.next();
            Matcher utc = shape.matcher(candidate);
            boolean inShape = utc.matches();
            assertThat(PlausibleDates.isUtcTimestamp(candidate)).as(candidate).isEqualTo(inShape);
            if (inShape) {
                matched++;
                assertThat(PlausibleDates.parseIso(candidate)).as(candidate).isEqualTo(dayOf(utc));
            }
            assertThat(PlausibleDates.parseIso(candidate)).as(candidate)
                    .isEqualTo(PlausibleDates.parseGeneral(candidate));
        }
        assertThat(matched).as("texts in the fast path's shape").isGreaterThan(20_000);
    }

    private static LocalDate dayOf(Matcher utc) {
        try {
            return LocalDate.of(Integer.parseInt(utc.group(1)), Integer.parseInt(utc.group(2)),
                    Integer.parseInt(utc.group(3)));
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }
}
