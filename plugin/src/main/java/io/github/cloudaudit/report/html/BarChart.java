package io.github.cloudaudit.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A horizontal bar chart drawn as inline SVG: the geometry is computed here so the template only places it.
 *
 * @param id          element id, also used for the accessible label
 * @param description the chart in one sentence, for screen readers and print
 * @param height      the SVG's height in its own units
 * @param bars        one per value, largest first unless the order means something (severity)
 */
public record BarChart(String id, String title, String description, int height, List<Bar> bars) {

    static final int WIDTH = 500;
    private static final int LABEL_END = 186;
    private static final int BAR_START = 194;
    private static final int BAR_MAX = 250;
    private static final int ROW = 28;
    private static final int BAR_HEIGHT = 20;
    private static final int TOP = 6;
    private static final int LABEL_MAX_CHARS = 22;

    /**
     * @param label     the full value, shown as a tooltip and read by screen readers
     * @param shortLabel the label cut to fit
     * @param cssClass  e.g. {@code sev-critical}, or {@code bar} for a neutral bar
     */
    public record Bar(String label, String shortLabel, String count, int y, int textY, int width, int valueX,
                      String cssClass) {
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    public int viewWidth() {
        return WIDTH;
    }

    public int labelX() {
        return LABEL_END;
    }

    public int barX() {
        return BAR_START;
    }

    /** Builds the chart; values are the counts, in the order given, already formatted as text in counts. */
    static BarChart of(String id, String title, String description, Map<String, Long> values,
                       Map<String, String> cssClasses, LongFunction<String> format) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> value : values.entrySet()) {
            int y = TOP + i * ROW;
            int width = max == 0 ? 0 : (int) Math.max(value.getValue() > 0 ? 2 : 0, Math.round(BAR_MAX * (double) value.getValue() / max));
            bars.add(new Bar(value.getKey(), shorten(value.getKey()), format.apply(value.getValue()), y,
                    y + BAR_HEIGHT / 2 + 5, width, BAR_START + width + 6,
                    cssClasses.getOrDefault(value.getKey(), "bar")));
            i++;
        }
        return new BarChart(id, title, description, TOP * 2 + bars.size() * ROW - (ROW - BAR_HEIGHT), bars);
    }

    /**
     * The largest values, with the rest summed under one "other" label so a chart of 500 accounts stays readable.
     */
    static Map<String, Long> top(Map<String, Long> counts, int shown, String otherLabel) {
        Map<String, Long> top = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < shown || sorted.size() == shown + 1) {
                top.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            } else {
                other += sorted.get(i).getValue();
            }
        }
        if (other > 0) {
            top.put(otherLabel, other);
        }
        return top;
    }

    private static String shorten(String label) {
        if (label.length() <= LABEL_MAX_CHARS) {
            return label;
        }
        int end = LABEL_MAX_CHARS - 1;
        if (Character.isHighSurrogate(label.charAt(end - 1))) {
            end--;
        }
        return label.substring(0, end) + "\u2026";
    }
}
