package io.github.cloudaudit.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void lineBreaksAndEscapesBecomeVisibleText() {
        assertThat(SafeText.neutralize("a\r\n[INFO] BUILD SUCCESS\n::error::x\u001b[2J\u0085\u2028\u2029\u0000\u007f"))
                .isEqualTo("a\\u000d\\u000a[INFO] BUILD SUCCESS\\u000a::error::x\\u001b[2J\\u0085\\u2028\\u2029\\u0000\\u007f");
    }

    @Test
    void bidirectionalOverridesAreNeutralizedToo() {
        assertThat(SafeText.neutralize("prod\u202edb\u2066x\u2069")).isEqualTo("prod\\u202edb\\u2066x\\u2069");
    }

    @Test
    void ordinaryTextIsUntouchedIncludingTabsOfOtherScriptsAndEmoji() {
        String text = "Ærlig talt: 数据库 \uD83D\uDE80 owner=team-db";
        assertThat(SafeText.neutralize(text)).isSameAs(text);
        assertThat(SafeText.neutralize(null)).isNull();
    }

    @Test
    void capsLongTextSayingHowMuchWasLeftOut() {
        assertThat(SafeText.cap("abcdef", 6)).isEqualTo("abcdef");
        assertThat(SafeText.cap("abcdefg", 6)).isEqualTo("abcdef…[1 more characters]");
        assertThat(SafeText.line("x".repeat(SafeText.MAX_LENGTH + 5)))
                .hasSize(SafeText.MAX_LENGTH + "…[5 more characters]".length());
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        String rocket = "\uD83D\uDE80";
        assertThat(SafeText.cap("ab" + rocket + "cd", 3)).isEqualTo("ab…[4 more characters]");
    }
}
