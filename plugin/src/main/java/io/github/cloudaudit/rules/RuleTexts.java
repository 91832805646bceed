package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Text;
import io.github.cloudaudit.findings.TextArg;
import io.github.cloudaudit.text.SafeText;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's title, rationale and remediation, and its findings' messages and evidence, in the report's language, from
 * {@code rules_<language>.properties} (UTF-8) next to the rules. English titles, rationale and remediation are the
 * rules' own metadata; a language without a bundle, or a rule the bundle does not cover (a rule from elsewhere),
 * keeps its English texts. The templates of messages and evidence are in {@code rules_en.properties}, which every
 * other language's bundle translates key by key ({@code RuleBundlesTest} checks it).
 */
public final class RuleTexts {

    /** A template's placeholders, {0} to {9} and beyond. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private RuleTexts() {
    }

    public static RuleMetadata in(String language, RuleMetadata rule) {
        Properties bundle = bundle(language);
        return new RuleMetadata(rule.id(), bundle.getProperty(rule.id() + ".title", rule.title()), rule.category(),
                rule.severity(), bundle.getProperty(rule.id() + ".rationale", rule.rationale()),
                bundle.getProperty(rule.id() + ".remediation", rule.remediation()), rule.references());
    }

    /** A finding's message in a language; a finding told in English only keeps its English message. */
    public static String message(String language, Finding finding) {
        return finding.texts() == null ? finding.message()
                : SafeText.cap(render(language, finding.texts().message()), SafeText.MAX_LENGTH);
    }

    /** A finding's evidence in a language, line by line. */
    public static List<String> evidence(String language, Finding finding) {
        return finding.texts() == null ? finding.evidence() : finding.texts().evidence().stream()
                .map(line -> SafeText.cap(render(language, line), SafeText.MAX_LENGTH)).toList();
    }

    /** A text in a language; a key the language's bundle lacks is told in English rather than not at all. */
    public static String render(String language, Text text) {
        StringBuilder out = new StringBuilder();
        append(out, language, text);
        return out.toString();
    }

    private static void append(StringBuilder out, String language, TextArg arg) {
        if (arg instanceof Text text) {
            fill(out, language, template(language, text.key()), text.arguments());
        } else if (arg instanceof Text.Name name) {
            out.append(name.value());
        } else if (arg instanceof Text.Number number) {
            out.append(number.value());
        } else if (arg instanceof Text.Date date) {
            out.append(date.value());
        } else if (arg instanceof Text.Count count) {
            String plural = count.amount() == 1 ? ".one" : ".other";
            fill(out, language, template(language, "unit." + count.unit() + plural),
                    List.of(new Text.Number(count.amount())));
        } else if (arg instanceof Text.Percent percent) {
            // English keeps the decimal point whatever the build machine's locale; Norwegian writes a comma.
            Locale locale = language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language);
            fill(out, language, template(language, "format.percent"),
                    List.of(new Text.Name(String.format(locale, "%.1f", percent.value()))));
        } else if (arg instanceof Text.Fact fact) {
            String value = fact.value() == null ? "unknown" : fact.value() ? "yes" : "no";
            out.append(template(language, "fact." + value));
        } else if (arg instanceof Text.Listing listing) {
            List<TextArg> items = listing.items();
            if (items.size() <= 1) {
                items.forEach(item -> append(out, language, item));
            } else {
                Text.Joined head = new Text.Joined(items.subList(0, items.size() - 1), ", ");
                fill(out, language, template(language, "format.and"), List.of(head, items.get(items.size() - 1)));
            }
        } else if (arg instanceof Text.Joined joined) {
            for (int i = 0; i < joined.items().size(); i++) {
                out.append(i == 0 ? "" : joined.separator());
                append(out, language, joined.items().get(i));
            }
        }
    }

    /** Replaces {0}, {1}, ... with the rendered arguments; nothing else in a template is special. */
    private static void fill(StringBuilder out, String language, String template, List<TextArg> arguments) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int from = 0;
        while (placeholder.find()) {
            out.append(template, from, placeholder.start());
            int index = Integer.parseInt(placeholder.group(1));
            if (index >= arguments.size()) {
                throw new IllegalStateException("the template '" + template + "' needs argument {" + index
                        + "}, but only " + arguments.size() + " were given");
            }
            append(out, language, arguments.get(index));
            from = placeholder.end();
        }
        out.append(template, from, template.length());
    }

    private static String template(String language, String key) {
        String template = bundle(language).getProperty(key, bundle("en").getProperty(key));
        if (template == null) {
            throw new IllegalStateException("no text for '" + key + "' in rules_en.properties");
        }
        return template;
    }

    /** The built-in bundle of a language, empty for a language without one. */
    public static Properties bundle(String language) {
        return BUNDLES.computeIfAbsent(language, RuleTexts::load);
    }

    private static Properties load(String language) {
        Properties bundle = new Properties();
        try (InputStream in = RuleTexts.class.getResourceAsStream("rules_" + language + ".properties")) {
            if (in != null) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in rule texts of '" + language + "' cannot be read", e);
        }
        return bundle;
    }
}
