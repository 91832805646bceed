package io.github.cloudaudit.rules;

import io.github.cloudaudit.text.TextBundles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** Every English template of the rules' messages is told in Norwegian, with the same arguments, and translated. */
class RuleBundlesTest {

    /** Keys whose Norwegian is rightly the English: words both languages use ("region", "disk", the name VPC). */
    private static final Set<String> SAME_IN_BOTH = Set.of("scope.withRegion", "network.aws.one", "unit.disk.one");

    @Test
    void everyEnglishTemplateHasANorwegianOneWithTheSameArgumentsAndItsOwnWords() {
        Properties english = RuleTexts.bundle("en");
        assertThat(english).hasSizeGreaterThan(200);
        assertThat(problems(english, RuleTexts.bundle("nb"))).isEmpty();
    }

    @Test
    void theNorwegianBundleHoldsNoMessageTheEnglishOneLacks() {
        Properties english = RuleTexts.bundle("en");
        List<String> strays = RuleTexts.bundle("nb").stringPropertyNames().stream()
                .filter(key -> !key.endsWith(".title") && !key.endsWith(".rationale") && !key.endsWith(".remediation"))
                .filter(key -> !english.containsKey(key)).toList();
        assertThat(strays).isEmpty();
    }

    @Test
    void theCheckCatchesAMissingKeyAnArgumentMismatchAndAnUntranslatedText() {
        Properties english = new Properties();
        english.setProperty("a", "{0} has been stopped for {1}.");
        english.setProperty("b", "{0} runs {1}.");
        english.setProperty("c", "no owner");
        english.setProperty("d", "{0}: {1}");
        english.setProperty("scope.withRegion", "{0} region {1}");
        Properties norwegian = new Properties();
        norwegian.setProperty("b", "{0} kjører.");
        norwegian.setProperty("c", "no owner");
        norwegian.setProperty("d", "{0}: {1}");
        norwegian.setProperty("scope.withRegion", "{0} region {1}");

        assertThat(problems(english, norwegian)).containsExactly("a: no Norwegian text",
                "b: arguments [{0}, {1}] in English but [{0}] in Norwegian", "c: not translated: 'no owner'");
    }

    private static List<String> problems(Properties english, Properties norwegian) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String en = english.getProperty(key);
            String nb = norwegian.getProperty(key);
            if (nb == null) {
                problems.add(key + ": no Norwegian text");
            } else if (!placeholders(en).equals(placeholders(nb))) {
                problems.add(key + ": arguments " + placeholders(en) + " in English but " + placeholders(nb)
                        + " in Norwegian");
            } else if (nb.equals(en) && hasWords(en) && !SAME_IN_BOTH.contains(key)) {
                problems.add(key + ": not translated: '" + en + "'");
            }
        }
        return problems;
    }

    private static Set<String> placeholders(String template) {
        Set<String> found = new TreeSet<>();
        Matcher placeholder = TextBundles.PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            found.add(placeholder.group());
        }
        return found;
    }

    /** A template of placeholders and punctuation only ("{0}: {1}") reads the same in every language. */
    private static boolean hasWords(String template) {
        return TextBundles.PLACEHOLDER.matcher(template).replaceAll("").chars().anyMatch(Character::isLetter);
    }
}
