package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.Stopwatch;
import io.github.cloudaudit.parallel.InOrder;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the selected formats side by side where there are processors to spare ({@link InOrder#threads()}): each
 * reads the same finished report and writes a file of its own, and findings.json of 100,000 servers alone takes
 * seconds. Results and failures come back in the order the formats were selected, so the build log and the error do
 * not depend on which file was done first.
 */
final class ReportWrites {

    /** A file written, and how long writing it took (wall-clock time: the formats may share the processors). */
    record Written(Reporter reporter, Path file, String took) {
    }

    private ReportWrites() {
    }

    static List<Written> write(List<Reporter> reporters, AuditReport report, Path output, ReportOptions options)
            throws IOException {
        return write(reporters, report, output, options, InOrder.threads());
    }

    static List<Written> write(List<Reporter> reporters, AuditReport report, Path output, ReportOptions options,
                               int maxThreads) throws IOException {
        List<InOrder.Task<Written>> writes = new ArrayList<>();
        for (Reporter reporter : reporters) {
            writes.add(() -> {
                Stopwatch took = Stopwatch.startWallClock();
                return new Written(reporter, reporter.write(report, output, options), took.toString());
            });
        }
        List<Written> written = new ArrayList<>();
        InOrder.run("cloud-audit-report-", "writing the reports", writes, maxThreads, written::add);
        return written;
    }
}
