package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.PowerState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.cloudaudit.rules.RuleTestSupport.AUDIT_DATE;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

    @Test
    void elapsedTimeIsSaidInYearsAndDays() {
        assertThat(Phrases.elapsed(LocalDate.of(2023, 10, 31), AUDIT_DATE)).isEqualTo("3 years and 23 days");
        assertThat(Phrases.elapsed(LocalDate.of(2024, 11, 23), AUDIT_DATE)).isEqualTo("2 years");
        assertThat(Phrases.elapsed(LocalDate.of(2025, 11, 22), AUDIT_DATE)).isEqualTo("1 year and 1 day");
        assertThat(Phrases.elapsed(AUDIT_DATE.minusDays(1), AUDIT_DATE)).isEqualTo("1 day");
        assertThat(Phrases.elapsed(AUDIT_DATE.minusDays(45), AUDIT_DATE)).isEqualTo("45 days");
        assertThat(Phrases.elapsed(AUDIT_DATE, AUDIT_DATE)).isEqualTo("0 days");
    }

    @Test
    void dateAgoNamesTheDateAndTheTimeSince() {
        assertThat(Phrases.dateAgo(LocalDate.of(2019, 4, 30), AUDIT_DATE))
                .isEqualTo("2019-04-30, 7 years and 207 days ago");
    }

    @Test
    void listsAreJoinedAsInASentence() {
        assertThat(Phrases.list(List.of())).isEmpty();
        assertThat(Phrases.list(List.of("owner"))).isEqualTo("owner");
        assertThat(Phrases.list(List.of("owner", "cost-center"))).isEqualTo("owner and cost-center");
        assertThat(Phrases.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }

    @Test
    void percentagesIgnoreTheMachineLocale() {
        assertThat(Phrases.percent(97.46)).isEqualTo("97.5%");
    }

    @Test
    void statesSayHowLongTheyHaveLasted() {
        assertThat(Phrases.state(healthyServer("i-1").build())).isEqualTo("running since 2026-05-07");
        assertThat(Phrases.state(healthyServer("i-1").state(PowerState.STOPPED).stateSince(null).build()))
                .isEqualTo("stopped");
        assertThat(Phrases.state(healthyServer("i-1").state(null).build())).isEqualTo("state unknown");
    }
}
