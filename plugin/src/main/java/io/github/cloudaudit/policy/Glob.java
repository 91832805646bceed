package io.github.cloudaudit.policy;

/**
 * A glob with {@code *} (any run of characters) and {@code ?} (one character), matched case-insensitively against
 * the whole value. Matching never backtracks past the last {@code *}, so it takes at most
 * (value length x glob length) steps: an inventory controls the names matched, and a regular expression such as
 * {@code .*-.*-.*-prod} would take exponential time on a long name.
 */
public final class Glob {

    private final String pattern;

    private Glob(String pattern) {
        this.pattern = pattern;
    }

    public static Glob of(String pattern) {
        return new Glob(pattern);
    }

    public boolean matches(String value) {
        int p = 0;
        int v = 0;
        int lastStar = -1;
        int resumeAt = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                lastStar = p++;
                resumeAt = v;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v)))) {
                p++;
                v++;
            } else if (lastStar >= 0) {
                // Let the last star take one more character and try the rest of the glob from there.
                p = lastStar + 1;
                v = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(Character.toUpperCase(a)) == Character.toLowerCase(Character.toUpperCase(b));
    }

    @Override
    public String toString() {
        return pattern;
    }
}
