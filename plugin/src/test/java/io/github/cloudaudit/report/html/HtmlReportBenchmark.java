package io.github.cloudaudit.report.html;

import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.SyntheticAudit;
import io.github.cloudaudit.report.browser.HeadlessChromium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes report.html for 100,000 synthetic findings and measures it in headless Chromium: file size, time to
 * interactive (page opened until the script has drawn the table), and how long a filter and a search take.
 * Not a test; run it as docs/benchmarks.md says. Argument: the number of findings (default 100000).
 */
public final class HtmlReportBenchmark {

    private HtmlReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int findings = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // test-classes sits in the plugin's target folder, wherever Maven was started from
        Path target = Path.of(HtmlReportBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path folder = Files.createDirectories(target.resolve("benchmark"));
        AuditReport report = SyntheticAudit.withFindings(findings, "en");

        long renderStart = System.nanoTime();
        Path file = new HtmlReporter().write(report, folder, ReportOptions.DEFAULTS).toAbsolutePath();
        long renderMillis = (System.nanoTime() - renderStart) / 1_000_000;
        double megabytes = Files.size(file) / (1024.0 * 1024.0);

        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createTempDirectory("benchmark-profile"), true)) {
            long openStart = System.nanoTime();
            chromium.open(file, true);
            long interactiveMillis = (System.nanoTime() - openStart) / 1_000_000;
            Object scriptMillis = chromium.script("return Math.round(performance.now())");
            Number filterMillis = (Number) chromium.script("""
                    var select = document.getElementById('f-severity');
                    var start = performance.now();
                    select.value = '0';
                    select.dispatchEvent(new Event('change', {bubbles: true}));
                    return performance.now() - start;""");
            String status = (String) chromium.script("return document.getElementById('findings-status').textContent");
            Number searchMillis = (Number) chromium.script("""
                    var search = document.getElementById('f-search');
                    var start = performance.now();
                    search.value = 'payments db';
                    search.dispatchEvent(new Event('change', {bubbles: true}));
                    return performance.now() - start;""");
            Number sortMillis = (Number) chromium.script("""
                    var start = performance.now();
                    document.querySelector('th[data-sort=resource] button').click();
                    return performance.now() - start;""");
            if (!chromium.pageErrors().isEmpty()) {
                throw new IllegalStateException("the page reported errors: " + chromium.pageErrors());
            }
            System.out.printf(Locale.ROOT, "findings: %,d on %,d servers%n", report.result().findings().size(),
                    report.resources().size());
            System.out.printf(Locale.ROOT, "report.html: %.1f MB, written in %,d ms (%s)%n", megabytes, renderMillis, file);
            System.out.printf(Locale.ROOT, "time to interactive: %,d ms from opening the file until the table is drawn"
                    + " (%s ms by the page's own clock)%n", interactiveMillis, scriptMillis);
            System.out.printf(Locale.ROOT, "filter by severity: %.0f ms (%s)%n", filterMillis.doubleValue(), status);
            System.out.printf(Locale.ROOT, "search 'payments db' on top: %.0f ms; sort by resource: %.0f ms%n",
                    searchMillis.doubleValue(), sortMillis.doubleValue());
            System.out.printf(Locale.ROOT, "time to interactive with a filter applied: %,d ms%n",
                    interactiveMillis + Math.round(filterMillis.doubleValue()));
        }
    }
}
