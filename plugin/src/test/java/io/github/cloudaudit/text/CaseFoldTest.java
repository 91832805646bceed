package io.github.cloudaudit.text;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Folded texts must hold each other exactly where Java's own case-insensitive comparison finds them. */
class CaseFoldTest {

    /** Letters whose case is irregular: dotted and dotless i, sharp s, long s, the Kelvin sign, sigmas, micro and mu, a
     *  title-case digraph and a letter beyond the Basic Multilingual Plane (Deseret). */
    private static final String[] LETTERS = {"a", "A", "i", "I", "İ", "ı", "ß", "ẞ", "ſ", "s", "S", "K", "k", "K",
            "Σ", "σ", "ς", "µ", "Μ", "μ", "ǅ", "Ǆ", "ǆ", "-", "\uD801\uDC00", "\uD801\uDC28"};

    @Test
    void aFoldedTextHoldsAFoldedPartExactlyWhereRegionMatchesIgnoringCaseFindsIt() {
        Random random = new Random(20261201);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = random(random, 1 + random.nextInt(6));
            String part = random(random, 1 + random.nextInt(2));
            boolean expected = false;
            for (int at = 0; at + part.length() <= text.length() && !expected; at++) {
                expected = text.regionMatches(true, at, part, 0, part.length());
            }
            assertThat(CaseFold.of(text).contains(CaseFold.of(part))).as("'%s' in '%s'", part, text).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("parts found among 20,000").isBetween(2_000, 18_000);
    }

    @Test
    void foldedTextsAreEqualExactlyWhenTheTextsAreEqualIgnoringCase() {
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            String a = random(random, 1 + random.nextInt(3));
            String b = random(random, 1 + random.nextInt(3));
            assertThat(CaseFold.of(a).equals(CaseFold.of(b))).as("'%s' and '%s'", a, b).isEqualTo(a.equalsIgnoreCase(b));
        }
    }

    @Test
    void aTextWithNothingToFoldIsReturnedAsItIs() {
        String text = "i-0abc/db-01";

        assertThat(CaseFold.of(text)).isSameAs(text);
        assertThat(CaseFold.of("Legacy-DB")).isEqualTo("legacy-db");
    }

    private static String random(Random random, int letters) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < letters; i++) {
            text.append(LETTERS[random.nextInt(LETTERS.length)]);
        }
        return text.toString();
    }
}
