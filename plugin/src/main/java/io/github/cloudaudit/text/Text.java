package io.github.cloudaudit.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sentence or phrase as a bundle key and typed arguments, so that it can be told in every language the rules'
 * bundles cover ({@code rules_en.properties}, {@code rules_nb.properties}). The key's template names its arguments
 * {0}, {1}, ...; an argument is itself a {@link Text} or one of the typed values below, each of which a language
 * renders its own way (a count with its unit's plural, a yes/no/unknown fact, a list with "and" or "og").
 */
public record Text(String key, List<TextArg> arguments) implements TextArg {

    public Text {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    @Override
    public void appendTo(StringBuilder out, String language) {
        TextBundles.fill(out, language, key, arguments);
    }

    /** A value quoted as it is, in every language: a name, id, tag or command from the inventory or settings. */
    public record Name(String value) implements TextArg {
        public Name {
            value = String.valueOf(value);
        }

        @Override
        public void appendTo(StringBuilder out, String language) {
            out.append(value);
        }
    }

    /** A whole number without a unit. */
    public record Number(long value) implements TextArg {
        @Override
        public void appendTo(StringBuilder out, String language) {
            out.append(value);
        }
    }

    /** A day, written as ISO date in every language so that it reads the same in the evidence and the inventory. */
    public record Date(LocalDate value) implements TextArg {
        public Date {
            Objects.requireNonNull(value, "date");
        }

        @Override
        public void appendTo(StringBuilder out, String language) {
            out.append(value);
        }
    }

    /** An amount of a unit whose words the bundle knows in singular and plural: {@code unit.<unit>.one/.other}. */
    public record Count(long amount, String unit) implements TextArg {
        @Override
        public void appendTo(StringBuilder out, String language) {
            TextBundles.fill(out, language, "unit." + unit + (amount == 1 ? ".one" : ".other"),
                    List.of(new Number(amount)));
        }
    }

    /** A percentage with one decimal, in the language's own decimal sign and spacing. */
    public record Percent(double value) implements TextArg {
        @Override
        public void appendTo(StringBuilder out, String language) {
            // English keeps the decimal point whatever the build machine's locale; Norwegian writes a comma.
            Locale locale = language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language);
            TextBundles.fill(out, language, "format.percent", List.of(new Name(String.format(locale, "%.1f", value))));
        }
    }

    /** A fact that is true, false or unknown (null): "yes", "no", "unknown (not in the inventory)". */
    public record Fact(Boolean value) implements TextArg {
        @Override
        public void appendTo(StringBuilder out, String language) {
            out.append(TextBundles.templateText(language,
                    value == null ? "fact.unknown" : value ? "fact.yes" : "fact.no"));
        }
    }

    /** Items as a list in prose: "a", "a and b", "a, b and c". */
    public record Listing(List<TextArg> items) implements TextArg {
        public Listing {
            items = List.copyOf(items);
        }

        @Override
        public void appendTo(StringBuilder out, String language) {
            if (items.size() <= 1) {
                items.forEach(item -> item.appendTo(out, language));
            } else {
                Joined head = new Joined(items.subList(0, items.size() - 1), ", ");
                TextBundles.fill(out, language, "format.and", List.of(head, items.get(items.size() - 1)));
            }
        }
    }

    /** Items joined by punctuation that every language shares (", ", "; "). */
    public record Joined(List<TextArg> items, String separator) implements TextArg {
        public Joined {
            items = List.copyOf(items);
        }

        @Override
        public void appendTo(StringBuilder out, String language) {
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : separator);
                items.get(i).appendTo(out, language);
            }
        }
    }

    /**
     * A text from plain Java values: a String is a quoted {@link Name}, an int or long a {@link Number}, a LocalDate a
     * {@link Date}; anything else must already be an {@link TextArg}. Booleans and doubles are refused, because whether
     * they are a fact, a percentage or something else only the caller knows.
     */
    public static Text of(String key, Object... arguments) {
        TextArg[] args = new TextArg[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            args[i] = arg(arguments[i]);
        }
        return new Text(key, List.of(args));
    }

    /** A value as an argument, by the rules of {@link #of}. */
    public static TextArg arg(Object value) {
        if (value instanceof TextArg arg) {
            return arg;
        }
        if (value instanceof String || value == null) {
            // A missing value reads as it always did in string concatenation, rather than failing the audit.
            return new Name((String) value);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new Number(((java.lang.Number) value).longValue());
        }
        if (value instanceof LocalDate date) {
            return new Date(date);
        }
        throw new IllegalArgumentException("a " + value.getClass().getSimpleName()
                + " is no text argument; wrap it in a TextArg");
    }

    public static Count count(long amount, String unit) {
        return new Count(amount, unit);
    }

    public static Listing listing(List<?> items) {
        return new Listing(items.stream().map(Text::arg).toList());
    }

    public static Joined joined(List<?> items, String separator) {
        return new Joined(items.stream().map(Text::arg).toList(), separator);
    }
}
