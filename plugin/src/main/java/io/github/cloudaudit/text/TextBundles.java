package io.github.cloudaudit.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        // Room for a usual message at once, rather than growing the buffer three or four times for each.
        StringBuilder out = new StringBuilder(160);
        text.appendTo(out, language);
        return out.toString();
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
                given.get(index).appendTo(out, language);
            }
            out.append(literals[arguments.length]);
        }
    }

    /** Appends the template of a key in a language with its arguments rendered in their places. */
    static void fill(StringBuilder out, String language, String key, List<TextArg> arguments) {
        template(language, key).fill(out, language, arguments);
    }

    private static Template template(String language, String key) {
        return TEMPLATES.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> Template.parse(templateText(language, k)));
    }

    /** The template of a key as written in the language's bundle, or in English when the bundle lacks it. */
    static String templateText(String language, String key) {
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
