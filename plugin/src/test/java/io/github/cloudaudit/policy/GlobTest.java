package io.github.cloudaudit.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "a.b*, a.bcd, true",
            "a.b*, axbcd, false",
            "i-?, i-1, true",
            "i-?, i-12, false",
            "i-?, i-, false",
            "*, '', true",
            "'', '', true",
            "'', x, false",
            "*prod, db-prod, true",
            "*prod, db-prod-2, false",
            "db-*-prod, db-eu-west-prod, true",
            "db-*-prod, db-prod, false",
            "*-*-*, a-b-c, true",
            "*-*-*, a-b, false",
            "a*b*c, aXbYbZc, true",
            "a*b*c, aXbYbZ, false",
            "PARTNER-*, partner-db, true",
            "[a], [a], true",
            "(x)+, (x)+, true",
            "(x)+, xx, false",
            "**, anything, true",
            "?*?, ab, true",
            "?*?, a, false",
    })
    void matchesTheWholeValueIgnoringCase(String glob, String value, boolean expected) {
        assertThat(Glob.of(glob).matches(value)).isEqualTo(expected);
    }

    /**
     * The old matcher turned the glob into a regular expression; against a long name that does not end in "prod"
     * it backtracked through every way of splitting the name at its dashes and never finished. The inventory
     * controls the name, so this was a way to hang any build that used such a suppression.
     */
    @Test
    void aGlobWithManyStarsAgainstALongNameThatFailsFinishesAtOnce() {
        String glob = "*-*-*-*-*-*-*-*-prod";
        String name = "-".repeat(1_000) + "x";
        assertThat(Glob.of(glob).matches(name)).isFalse();
        assertThat(Glob.of(glob).matches("-".repeat(1_000) + "prod")).isTrue();
        assertThat(Glob.of("*a*a*a*a*a*a*b").matches("a".repeat(100_000))).isFalse();
    }

    /** Counts the steps rather than timing them, since the machine is shared: a regular expression needs far more. */
    @Test
    void theOldRegularExpressionWouldHaveBacktrackedOnTheSameInput() {
        Pattern regex = Pattern.compile(".*-.*-.*-.*-prod");
        int[] steps = {0};
        CharSequence counting = new CountingSequence("-".repeat(100) + "x", steps);
        regex.matcher(counting).matches();
        assertThat(steps[0]).as("characters the regular expression inspected").isGreaterThan(1_000_000);
    }

    private record CountingSequence(String text, int[] steps) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            steps[0]++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountingSequence(text.substring(start, end), steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
