package io.github.cloudaudit.report.markdown;

import java.io.IOException;
import java.io.Writer;

/**
 * Escapes a value for Markdown, so an inventory value reads as the text it is: markup characters are
 * backslash-escaped (a {@code |} cannot end a table cell, a {@code <} cannot open HTML) and line breaks become
 * spaces (a value cannot start a new block or table row).
 */
final class MarkdownText {

    private static final String ESCAPED = "\\`*_[]<>|~&#!{}";

    private MarkdownText() {
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
                if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append(' ');
            } else {
                if (ESCAPED.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static void encode(String value, Writer out) throws IOException {
        out.write(escape(value));
    }
}
