package io.github.cloudaudit.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link Text}s in a language from the built-in bundles {@code rules_<language>.properties} (UTF-8), which
 * sit next to the rules' metadata: the rules' titles, rationale and remediation in other languages, and the
 * templates of every sentence the audit builds (findings' messages and evidence, the verdict's gates, why a file was
 * skipped). {@code rules_en.properties} holds the English templates; every other language's bundle translates them
 * key by key ({@code RuleBundlesTest} checks it).
 */
public final class TextBundles {

    /** A template's placeholders, {0} to {9} and beyond. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static final String LOCATION = "/io/github/cloudaudit/rules/rules_";
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Template>> TEMPLATES = new ConcurrentHashMap<>();

    private TextBundles() {
    }

    /**
     * A text, or a phrase such as a count or a list, in a language; a key the language's bundle lacks is told in
     * English rather than not at all.
     */
    public static String render(String language, TextArg text) {
        StringBuilder out = new StringBuilder();
        append(out, language, text);
        return out.toString();
    }

    private static void append(StringBuilder out, String language, TextArg arg) {
        if (arg instanceof Text text) {
            fill(out, language, text.key(), text.arguments());
        } else if (arg instanceof Text.Name name) {
            out.append(name.value());
        } else if (arg instanceof Text.Number number) {
            out.append(number.value());
        } else if (arg instanceof Text.Date date) {
            out.append(date.value());
        } else if (arg instanceof Text.Count count) {
            String plural = count.amount() == 1 ? ".one" : ".other";
            fill(out, language, "unit." + count.unit() + plural,
                    List.of(new Text.Number(count.amount())));
        } else if (arg instanceof Text.Percent percent) {
            // English keeps the decimal point whatever the build machine's locale; Norwegian writes a comma.
            Locale locale = language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language);
            fill(out, language, "format.percent",
                    List.of(new Text.Name(String.format(locale, "%.1f", percent.value()))));
        } else if (arg instanceof Text.Fact fact) {
            String value = fact.value() == null ? "unknown" : fact.value() ? "yes" : "no";
            out.append(templateText(language, "fact." + value));
        } else if (arg instanceof Text.Listing listing) {
            List<TextArg> items = listing.items();
            if (items.size() <= 1) {
                items.forEach(item -> append(out, language, item));
            } else {
                Text.Joined head = new Text.Joined(items.subList(0, items.size() - 1), ", ");
                fill(out, language, "format.and", List.of(head, items.get(items.size() - 1)));
            }
        } else if (arg instanceof Text.Joined joined) {
            for (int i = 0; i < joined.items().size(); i++) {
                out.append(i == 0 ? "" : joined.separator());
                append(out, language, joined.items().get(i));
            }
        }
    }

    /**
     * A template split once at its placeholders, so that rendering a finding's texts is appending, not matching a
     * pattern: an audit of 100,000 servers renders about a million of them.
     *
     * @param literals  the text before each placeholder, then the text after the last one
     * @param arguments the argument number of each placeholder, in order
     */
    private record Template(String source, String[] literals, int[] arguments) {

        static Template parse(String source) {
            Matcher placeholder = PLACEHOLDER.matcher(source);
            List<String> literals = new ArrayList<>();
            List<Integer> arguments = new ArrayList<>();
            int from = 0;
            while (placeholder.find()) {
                literals.add(source.substring(from, placeholder.start()));
                arguments.add(Integer.parseInt(placeholder.group(1)));
                from = placeholder.end();
            }
            literals.add(source.substring(from));
            return new Template(source, literals.toArray(String[]::new),
                    arguments.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Replaces {0}, {1}, ... with the rendered arguments; nothing else in a template is special. */
        void fill(StringBuilder out, String language, List<TextArg> given) {
            for (int i = 0; i < arguments.length; i++) {
                out.append(literals[i]);
                int index = arguments[i];
                if (index >= given.size()) {
                    throw new IllegalStateException("the template '" + source + "' needs argument {" + index
                            + "}, but only " + given.size() + " were given");
                }
                append(out, language, given.get(index));
            }
            out.append(literals[arguments.length]);
        }
    }

    private static void fill(StringBuilder out, String language, String key, List<TextArg> arguments) {
        template(language, key).fill(out, language, arguments);
    }

    private static Template template(String language, String key) {
        return TEMPLATES.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> Template.parse(templateText(language, k)));
    }

    private static String templateText(String language, String key) {
        String template = bundle(language).getProperty(key, bundle("en").getProperty(key));
        if (template == null) {
            throw new IllegalStateException("no text for '" + key + "' in rules_en.properties");
        }
        return template;
    }

    /** The built-in bundle of a language, empty for a language without one. */
    public static Properties bundle(String language) {
        return BUNDLES.computeIfAbsent(language, TextBundles::load);
    }

    private static Properties load(String language) {
        Properties bundle = new Properties();
        try (InputStream in = TextBundles.class.getResourceAsStream(LOCATION + language + ".properties")) {
            if (in != null) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in rule texts of '" + language + "' cannot be read", e);
        }
        return bundle;
    }
}
