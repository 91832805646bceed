package io.github.cloudaudit.text;

/**
 * The one way inventory text reaches the build log and the text reports. An inventory is written by whoever controls
 * a cloud account, so its strings may hold line breaks that forge log lines ({@code [INFO] BUILD SUCCESS},
 * {@code ::error}, {@code ##vso[...]}), terminal escapes, or megabytes of tag value. {@link #line} neutralizes every
 * control character and caps the length, so what the audit prints grows with the number of resources, not with
 * the length of a tag.
 */
public final class SafeText {

    /** Longest inventory string printed in full; longer ones are cut and say how much was left out. */
    public static final int MAX_LENGTH = 1_000;

    private SafeText() {
    }

    /** The text on one line, control characters made visible, at most about {@link #MAX_LENGTH} characters. */
    public static String line(String text) {
        return text == null ? null : neutralize(cap(text, MAX_LENGTH));
    }

    /**
     * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides written as
     * {@code \}{@code uXXXX}, so none can start a line, move the cursor or reorder what a reader sees.
     */
    public static String neutralize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                safe.append(String.format("\\u%04x", (int) c));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** The text cut to at most {@code max} characters (never inside a surrogate pair), saying how many were left out. */
    public static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…[" + (text.length() - end) + " more characters]";
    }

    /** True for the characters {@link #neutralize} rewrites. */
    public static boolean unsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
