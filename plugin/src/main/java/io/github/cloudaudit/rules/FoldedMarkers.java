package io.github.cloudaudit.rules;

import io.github.cloudaudit.text.CaseFold;

import java.util.List;

/**
 * The decommission markers folded to one case ({@link CaseFold}), worked out once per audit, with a quick look at
 * whether a folded tag value can hold any of them at all: a value that holds a marker holds its first two characters
 * side by side. Most tag values of a fleet (names, ids, teams, cost centres) hold no marker, and one pass over such a
 * value replaces a search for each marker.
 */
final class FoldedMarkers {

    private final String[] folded;
    /** The first two characters of each marker that begins with two ASCII characters, as {@code first * 128 + second}. */
    private final boolean[] asciiStarts = new boolean[128 * 128];
    /** A marker shorter than two characters: any value may hold it. */
    private final boolean anyValue;

    FoldedMarkers(List<String> markers) {
        folded = markers.stream().map(CaseFold::of).toArray(String[]::new);
        boolean shortMarker = false;
        for (String marker : folded) {
            if (marker.length() < 2) {
                shortMarker = true;
            } else if (marker.charAt(0) < 128 && marker.charAt(1) < 128) {
                asciiStarts[marker.charAt(0) * 128 + marker.charAt(1)] = true;
            }
        }
        anyValue = shortMarker;
    }

    /** The folded markers of this audit's settings, made once per audit. */
    static FoldedMarkers of(AuditContext context, List<String> markers) {
        return context.derived(new Key(markers), () -> new FoldedMarkers(markers));
    }

    private record Key(List<String> markers) {
    }

    /** The marker at this place in the settings' list, folded. */
    String marker(int index) {
        return folded[index];
    }

    /**
     * False only when the folded value holds none of the folded markers. A pair of characters beyond ASCII may begin
     * a marker that does not begin with two ASCII characters, so such a pair always answers true.
     */
    boolean mayHoldOne(String foldedValue) {
        if (anyValue) {
            return true;
        }
        for (int i = 0; i + 1 < foldedValue.length(); i++) {
            char first = foldedValue.charAt(i);
            char second = foldedValue.charAt(i + 1);
            if (first >= 128 || second >= 128 || asciiStarts[first * 128 + second]) {
                return true;
            }
        }
        return false;
    }
}
