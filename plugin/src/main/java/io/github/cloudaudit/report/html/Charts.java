package io.github.cloudaudit.report.html;

import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.view.FindingRow;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.ReportView;
import io.github.cloudaudit.report.view.Words;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report's four charts of open findings: by severity, category, account or subscription, and owner. */
final class Charts {

    /** Accounts and owners beyond this many are summed as "other". */
    static final int LARGEST_SHOWN = 8;

    private Charts() {
    }

    static List<BarChart> of(ReportView view, Messages m) {
        List<FindingRow> open = view.entries().stream().filter(e -> !e.finding().suppressed())
                .map(ReportView.Entry::row).toList();
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        Map<String, String> severityClasses = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            String label = Words.enumLabel("severity", severity, m);
            bySeverity.put(label, 0L);
            severityClasses.put(label, "sev-" + severity.name().toLowerCase(Locale.ROOT));
        }
        open.forEach(r -> bySeverity.merge(r.severityLabel(), 1L, Long::sum));
        String other = m.get("charts.other");
        return List.of(
                chart("chart-severity", m, "bySeverity", bySeverity, severityClasses, open.size()),
                chart("chart-category", m, "byCategory", BarChart.top(count(open, FindingRow::categoryLabel), LARGEST_SHOWN, other),
                        Map.of(), open.size()),
                chart("chart-account", m, "byAccount", BarChart.top(count(open, r -> r.provider() + " " + r.account()),
                        LARGEST_SHOWN, other), Map.of(), open.size()),
                chart("chart-owner", m, "byOwner", BarChart.top(count(open, FindingRow::owner), LARGEST_SHOWN, other),
                        Map.of(), open.size()));
    }

    private static BarChart chart(String id, Messages m, String key, Map<String, Long> values,
                                  Map<String, String> classes, int total) {
        return BarChart.of(id, m.get("charts." + key), m.format("charts.description", m.get("charts." + key), total,
                values.size()), values, classes, m::number);
    }

    private static Map<String, Long> count(List<FindingRow> rows, Function<FindingRow, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
