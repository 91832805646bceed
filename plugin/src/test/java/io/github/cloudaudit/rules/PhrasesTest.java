package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.text.TextArg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static io.github.cloudaudit.rules.RuleTestSupport.AUDIT_DATE;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {

    private static String en(TextArg phrase) {
        return RuleTexts.render("en", phrase);
    }

    private static String nb(TextArg phrase) {
        return RuleTexts.render("nb", phrase);
    }

    @ParameterizedTest
    @CsvSource({
            "2023-10-31, 3 years and 23 days, 3 år og 23 dager",
            "2024-11-23, 2 years, 2 år",
            "2025-11-22, 1 year and 1 day, 1 år og 1 dag",
            "2026-11-22, 1 day, 1 dag",
            "2026-10-09, 45 days, 45 dager",
            "2026-11-23, 0 days, 0 dager"})
    void elapsedTimeIsSaidInYearsAndDaysWithEachLanguagesPlurals(LocalDate from, String english, String norwegian) {
        assertThat(en(Phrases.elapsed(from, AUDIT_DATE))).isEqualTo(english);
        assertThat(nb(Phrases.elapsed(from, AUDIT_DATE))).isEqualTo(norwegian);
    }

    @Test
    void dateAgoNamesTheDateAndTheTimeSince() {
        assertThat(en(Phrases.dateAgo(LocalDate.of(2019, 4, 30), AUDIT_DATE)))
                .isEqualTo("2019-04-30, 7 years and 207 days ago");
        assertThat(nb(Phrases.dateAgo(LocalDate.of(2019, 4, 30), AUDIT_DATE)))
                .isEqualTo("2019-04-30, for 7 år og 207 dager siden");
    }

    @Test
    void listsAreJoinedAsInASentence() {
        assertThat(en(Phrases.list(List.of()))).isEmpty();
        assertThat(en(Phrases.list(List.of("owner")))).isEqualTo("owner");
        assertThat(en(Phrases.list(List.of("owner", "cost-center")))).isEqualTo("owner and cost-center");
        assertThat(en(Phrases.list(List.of("a", "b", "c")))).isEqualTo("a, b and c");
        assertThat(nb(Phrases.list(List.of("a", "b", "c")))).isEqualTo("a, b og c");
    }

    @Test
    void percentagesIgnoreTheMachineLocaleInEnglishAndUseADecimalCommaInNorwegian() {
        assertThat(en(Phrases.percent(97.46))).isEqualTo("97.5%");
        assertThat(nb(Phrases.percent(97.46))).isEqualTo("97,5 %");
    }

    @Test
    void statesSayHowLongTheyHaveLasted() {
        assertThat(en(Phrases.state(healthyServer("i-1").build()))).isEqualTo("running since 2026-05-07");
        assertThat(nb(Phrases.state(healthyServer("i-1").build()))).isEqualTo("kjører siden 2026-05-07");
        assertThat(en(Phrases.state(healthyServer("i-1").state(PowerState.STOPPED).stateSince(null).build())))
                .isEqualTo("stopped");
        assertThat(en(Phrases.state(healthyServer("i-1").state(null).build()))).isEqualTo("state unknown");
        assertThat(nb(Phrases.state(healthyServer("i-1").state(null).build()))).isEqualTo("ukjent tilstand");
    }
}
