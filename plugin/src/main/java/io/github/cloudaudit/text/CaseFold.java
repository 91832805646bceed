package io.github.cloudaudit.text;

/**
 * Text with the case of each character folded as {@link String#regionMatches(boolean, int, String, int, int)} and
 * {@link String#CASE_INSENSITIVE_ORDER} fold it: upper-cased, then lower-cased, one code point at a time. Two texts
 * are equal ignoring case exactly when their folded forms are equal, so a text folded once can be searched or
 * compared many times without folding it again at each place and for each comparison.
 */
public final class CaseFold {

    private CaseFold() {
    }

    public static String of(String text) {
        // Most ids, names and tag values are lower-case ASCII, which folds to itself: a plain look at each character
        // finds them, without a code point's steps for each (this ran for every tag value of every server).
        int plain = 0;
        while (plain < text.length() && isFoldedAscii(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            return text;
        }
        StringBuilder folded = null;
        for (int at = plain; at < text.length(); ) {
            int codePoint = text.codePointAt(at);
            int fold = codePoint < 0x80 ? asciiLower(codePoint)
                    : Character.toLowerCase(Character.toUpperCase(codePoint));
            if (fold != codePoint && folded == null) {
                // Most ids and tag values are lower case already: they are returned as they are, without a copy.
                folded = new StringBuilder(text.length()).append(text, 0, at);
            }
            if (folded != null) {
                folded.appendCodePoint(fold);
            }
            at += Character.charCount(codePoint);
        }
        return folded == null ? text : folded.toString();
    }

    private static boolean isFoldedAscii(char c) {
        return c < 0x80 && (c < 'A' || c > 'Z');
    }

    /** The fold of an ASCII character, without the Unicode tables: ids, names and tags are mostly ASCII. */
    private static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
