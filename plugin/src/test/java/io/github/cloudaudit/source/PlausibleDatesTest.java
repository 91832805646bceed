package io.github.cloudaudit.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

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
}
