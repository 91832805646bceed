package io.github.cloudaudit.text;

/** One argument of a {@link Text}: a nested text or a typed value that each language renders its own way. */
public sealed interface TextArg permits Text, Text.Name, Text.Number, Text.Date, Text.Count, Text.Percent, Text.Fact,
        Text.Listing, Text.Joined {

    /**
     * Appends this in a language, from the built-in bundles ({@link TextBundles#render}). Each kind of argument
     * renders itself, so that rendering compiles to small methods called through the interface rather than one
     * method with every kind inlined, which the JIT compiled again each time a kind showed up for the first time.
     */
    void appendTo(StringBuilder out, String language);
}
