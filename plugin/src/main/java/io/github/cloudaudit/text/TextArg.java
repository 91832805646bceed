package io.github.cloudaudit.text;

/** One argument of a {@link Text}: a nested text or a typed value that each language renders its own way. */
public sealed interface TextArg permits Text, Text.Name, Text.Number, Text.Date, Text.Count, Text.Percent, Text.Fact,
        Text.Listing, Text.Joined {
}
