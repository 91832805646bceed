package io.github.cloudaudit.report.html;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void scalesBarsToTheLargestValue() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("Critical", 10L);
        values.put("High", 5L);
        values.put("Low", 0L);
        BarChart chart = BarChart.of("c", "Title", "desc", values, Map.of("Critical", "sev-critical"), String::valueOf);
        assertThat(chart.bars()).extracting(BarChart.Bar::width).containsExactly(250, 125, 0);
        assertThat(chart.bars()).extracting(BarChart.Bar::cssClass).containsExactly("sev-critical", "bar", "bar");
        assertThat(chart.bars().get(1).y()).isGreaterThan(chart.bars().get(0).y());
        assertThat(chart.height()).isGreaterThanOrEqualTo(chart.bars().get(2).y() + 20);
    }

    @Test
    void aSmallValueStillShowsABar() {
        BarChart chart = BarChart.of("c", "t", "d", Map.of("a", 100_000L, "b", 1L), Map.of(), String::valueOf);
        assertThat(chart.bars()).extracting(BarChart.Bar::width).contains(2);
    }

    @Test
    void keepsTheLargestAndSumsTheRest() {
        Map<String, Long> counts = Map.of("a", 5L, "b", 4L, "c", 3L, "d", 2L, "e", 1L);
        assertThat(BarChart.top(counts, 2, "Others")).containsExactly(Map.entry("a", 5L), Map.entry("b", 4L),
                Map.entry("Others", 6L));
        assertThat(BarChart.top(Map.of("a", 1L, "b", 1L, "c", 1L), 2, "Others")).hasSize(3).doesNotContainKey("Others");
    }

    @Test
    void shortensLongLabelsButKeepsThemWhole() {
        String label = "Azure 8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b";
        BarChart.Bar bar = BarChart.of("c", "t", "d", Map.of(label, 1L), Map.of(), String::valueOf).bars().get(0);
        assertThat(bar.label()).isEqualTo(label);
        assertThat(bar.shortLabel()).hasSize(22).endsWith("\u2026");
    }
}
