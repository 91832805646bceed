package io.github.cloudaudit.report;

import java.nio.file.Path;

/**
 * How reports are rendered and how much of the audit each may hold, as opposed to what they say (that is the
 * {@link AuditReport}). The caps fit each output to where it goes; findings.json always holds everything.
 *
 * @param templateDirectory a folder whose files replace the built-in templates, assets or message bundles of the
 *                          same name; null for the built-in ones only
 * @param sarifMaxResults   results findings.sarif holds at most, the most severe and most at risk first
 * @param junitMaxTestCases test cases with findings junit.xml holds at most, the most severe first
 * @param markdownMaxBytes  the most bytes summary.md may take (a CI job summary page shows about 1 MiB)
 * @param compressJson      write findings.json gzipped, as findings.json.gz
 */
public record ReportOptions(Path templateDirectory, int sarifMaxResults, int junitMaxTestCases, int markdownMaxBytes,
                            boolean compressJson) {

    /** GitHub code scanning shows the top 5,000 results of a run by severity. */
    public static final int DEFAULT_SARIF_MAX_RESULTS = 5_000;
    public static final int DEFAULT_JUNIT_MAX_TEST_CASES = 5_000;
    /** Half of the 1 MiB a GitHub Actions step summary may take, leaving room for other steps' lines. */
    public static final int DEFAULT_MARKDOWN_MAX_BYTES = 512 * 1024;
    /** A summary smaller than this cannot hold its own verdict and counts. */
    public static final int MINIMUM_MARKDOWN_MAX_BYTES = 4 * 1024;

    public static final ReportOptions DEFAULTS = new ReportOptions(null);

    public ReportOptions {
        if (sarifMaxResults < 0 || junitMaxTestCases < 0) {
            throw new IllegalArgumentException("a report's result cap cannot be negative");
        }
        if (markdownMaxBytes < MINIMUM_MARKDOWN_MAX_BYTES) {
            throw new IllegalArgumentException("markdownMaxBytes: must be at least " + MINIMUM_MARKDOWN_MAX_BYTES);
        }
    }

    /** The default caps with the given template folder. */
    public ReportOptions(Path templateDirectory) {
        this(templateDirectory, DEFAULT_SARIF_MAX_RESULTS, DEFAULT_JUNIT_MAX_TEST_CASES, DEFAULT_MARKDOWN_MAX_BYTES,
                false);
    }
}
