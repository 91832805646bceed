package io.github.cloudaudit.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the audit in one format. Reporters are found with {@link java.util.ServiceLoader}: a new format is a new
 * class plus its line in {@code META-INF/services/io.github.cloudaudit.report.Reporter}.
 */
public interface Reporter {

    /** The name users select it by in {@code formats}, e.g. {@code json}, {@code sarif}, {@code html}. */
    String format();

    /** Writes the report into the directory and returns the file written. */
    Path write(AuditReport report, Path outputDirectory) throws IOException;

    /**
     * Writes the report with rendering options. Reporters that use templates override this; the others ignore the
     * options, so existing reporters need no change.
     */
    default Path write(AuditReport report, Path outputDirectory, ReportOptions options) throws IOException {
        return write(report, outputDirectory);
    }

    /**
     * A sentence for the build log saying how much of the audit the file written with these options leaves out
     * and where the rest is; null when it holds everything. Reporters that cap their output override this.
     */
    default String leftOut(AuditReport report, ReportOptions options) {
        return null;
    }
}
