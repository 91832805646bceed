package io.github.cloudaudit.report.view;

import java.io.IOException;
import java.io.StringReader;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The report's words in one language, from {@code messages_<language>.properties} (UTF-8). A bundle in the template
 * directory overrides single keys of the built-in one, so a user can reword one label without copying the rest.
 */
public final class Messages {

    /** The languages the built-in bundles cover. */
    public static final List<String> LANGUAGES = List.of("en", "nb");

    private final String language;
    private final Locale locale;
    private final Map<String, String> texts;

    private Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** The bundle of a language ({@code en} or {@code nb}); null or blank means English. */
    public static Messages load(TemplateSource source, String language) {
        String lang = language == null || language.isBlank() ? "en" : language.trim();
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("report language must be one of " + LANGUAGES + ", found '" + language + "'");
        }
        String file = bundleName(lang);
        Map<String, String> texts = new TreeMap<>(parse(source.readBuiltIn(file)
                .orElseThrow(() -> new IllegalStateException("built-in message bundle " + file + " is missing")), file));
        source.overridden(file).ifPresent(text -> texts.putAll(parse(text, file)));
        return new Messages(lang, texts);
    }

    public static String bundleName(String language) {
        return "messages_" + language + ".properties";
    }

    /** Parses a bundle's text; properties files read this way are UTF-8, not ISO-8859-1. */
    public static Map<String, String> parse(String text, String file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("message bundle " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return texts;
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of a key; a missing key is a broken bundle, so it fails loudly. */
    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("message '" + key + "' is missing from " + bundleName(language));
        }
        return text;
    }

    /** A text with {@link MessageFormat} placeholders filled in the bundle's locale. */
    public String format(String key, Object... arguments) {
        try {
            return new MessageFormat(get(key), locale).format(arguments);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("message '" + key + "' in " + bundleName(language)
                    + " is not a valid pattern: " + e.getMessage(), e);
        }
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A date for prose, e.g. "23 November 2026" or "23. november 2026"; null stays unknown. */
    public String date(LocalDate date) {
        return date == null ? get("value.unknown")
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /**
     * The keys as nested maps for templates: {@code verdict.pass} becomes {@code msg.verdict.pass}. A key that is
     * also the prefix of another (both {@code a} and {@code a.b}) cannot be nested and is rejected.
     */
    public Map<String, Object> tree() {
        Map<String, Object> root = new LinkedHashMap<>();
        texts.forEach((key, value) -> put(root, key, value));
        return root;
    }

    @SuppressWarnings("unchecked")
    private void put(Map<String, Object> root, String key, String value) {
        String[] parts = key.split("\\.");
        Map<String, Object> node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw new IllegalStateException(conflict(key));
            }
            node = (Map<String, Object>) child;
        }
        if (node.containsKey(parts[parts.length - 1])) {
            throw new IllegalStateException(conflict(key));
        }
        node.put(parts[parts.length - 1], value);
    }

    private String conflict(String key) {
        return "message '" + key + "' in " + bundleName(language) + " clashes with a key that is its prefix";
    }

    /** All keys, for checks. */
    public Map<String, String> all() {
        return texts;
    }

}
