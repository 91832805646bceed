package io.github.cloudaudit.text;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextBundlesTest {

    @Test
    void argumentsAreRenderedByTypeInEachLanguage() {
        Text text = Text.of("orphan-stopped.message", "web-1", Text.count(1, "day"), LocalDate.of(2026, 10, 23),
                Text.of("orphan-stopped.storage.disks", Text.count(2, "disk")));

        assertThat(TextBundles.render("en", text)).isEqualTo("web-1 has been stopped for 1 day (since 2026-10-23) "
                + "with 2 disks attached: it serves nobody, but its storage is still billed and its data still there.");
        assertThat(TextBundles.render("nb", text)).isEqualTo("web-1 har stått stoppet i 1 dag (siden 2026-10-23) med "
                + "2 disker koblet til: den betjener ingen, men lagringen faktureres fortsatt og dataene ligger der "
                + "fortsatt.");
    }

    @Test
    void inventoryTextIsQuotedAsItIsEvenWhenItLooksLikeAPlaceholder() {
        assertThat(TextBundles.render("nb", Text.of("evidence.classification", "{0} <b>")))
                .isEqualTo("dataklassifisering: {0} <b>");
    }

    @Test
    void aLanguageWithoutABundleIsToldInEnglish() {
        assertThat(TextBundles.render("de", Text.of("evidence.fact", "CPU", new Text.Fact(null))))
                .isEqualTo("CPU: unknown (not in the inventory)");
    }

    @Test
    void anUnknownKeyOrAMissingArgumentFailsNamingIt() {
        assertThatThrownBy(() -> TextBundles.render("nb", Text.of("no.such.key")))
                .hasMessageContaining("'no.such.key'");
        assertThatThrownBy(() -> TextBundles.render("en", new Text("evidence.fact", List.of(new Text.Name("CPU")))))
                .hasMessageContaining("needs argument {1}");
    }

    @Test
    void aValueWhoseMeaningOnlyTheCallerKnowsIsRefused() {
        assertThatThrownBy(() -> Text.of("format.verbatim", 97.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Double");
    }
}
