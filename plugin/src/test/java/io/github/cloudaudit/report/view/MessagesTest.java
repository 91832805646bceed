package io.github.cloudaudit.report.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Map<String, String> english = Messages.load(TemplateSource.builtIn(), "en").all();
        Map<String, String> norwegian = Messages.load(TemplateSource.builtIn(), "nb").all();
        assertThat(norwegian.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @Test
    void everyTextIsAValidPatternWithTheSamePlaceholdersInBothLanguages() {
        Map<String, String> english = Messages.load(TemplateSource.builtIn(), "en").all();
        Map<String, String> norwegian = Messages.load(TemplateSource.builtIn(), "nb").all();
        english.forEach((key, text) -> {
            new MessageFormat(text, Locale.ENGLISH);
            new MessageFormat(norwegian.get(key), Locale.forLanguageTag("nb"));
            assertThat(placeholders(norwegian.get(key))).as(key).isEqualTo(placeholders(text));
            assertThat(norwegian.get(key)).as(key).isNotBlank();
        });
    }

    @Test
    void nestsKeysForTemplates() {
        Map<String, Object> tree = Messages.load(TemplateSource.builtIn(), "nb").tree();
        assertThat(tree).extractingByKey("verdict").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("label", "Konklusjon");
    }

    @Test
    void formatsNumbersAndDatesInTheLanguage() {
        Messages norwegian = Messages.load(TemplateSource.builtIn(), "nb");
        assertThat(norwegian.format("servers.findingCount", 12345, 1)).isEqualTo("12\u00a0345 åpne, 1 undertrykte");
        assertThat(norwegian.date(java.time.LocalDate.of(2026, 11, 23))).isEqualTo("23. november 2026");
        Messages english = Messages.load(TemplateSource.builtIn(), "en");
        assertThat(english.format("verdict.fail", 1, "High")).isEqualTo("Failed: 1 open finding at or above High need action");
        assertThat(english.date(null)).isEqualTo("unknown");
    }

    @Test
    void aBundleInTheTemplateDirectoryOverridesSingleKeys(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("messages_en.properties"), "report.title=Board pack: database servers\n");
        Messages messages = Messages.load(TemplateSource.withOverrides(templates), "en");
        assertThat(messages.get("report.title")).isEqualTo("Board pack: database servers");
        assertThat(messages.get("nav.summary")).isEqualTo("Summary");
    }

    @Test
    void rejectsUnknownLanguagesAndMissingKeys() {
        assertThatThrownBy(() -> Messages.load(TemplateSource.builtIn(), "de"))
                .hasMessage("report language must be one of [en, nb], found 'de'");
        assertThatThrownBy(() -> Messages.load(TemplateSource.builtIn(), "en").get("no.such.key"))
                .hasMessage("message 'no.such.key' is missing from messages_en.properties");
        assertThat(Messages.load(TemplateSource.builtIn(), null).language()).isEqualTo("en");
    }

    @Test
    void rejectsAKeyThatIsThePrefixOfAnother(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("messages_en.properties"), "verdict=oops\n");
        Messages messages = Messages.load(TemplateSource.withOverrides(templates), "en");
        assertThatThrownBy(messages::tree).hasMessageContaining("clashes with a key that is its prefix");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
