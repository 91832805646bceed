package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.Stopwatch;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the selected formats at the same time, one per core: each reads the same finished report and writes a file
 * of its own, and findings.json of 100,000 servers alone takes seconds. Results and failures come back in the order
 * the formats were selected, so the build log and the error do not depend on which file was done first.
 */
final class ReportWrites {

    /** A file written, and how long writing it took (wall-clock time: the formats share the CPUs). */
    record Written(Reporter reporter, Path file, String took) {
    }

    private ReportWrites() {
    }

    static List<Written> write(List<Reporter> reporters, AuditReport report, Path output, ReportOptions options)
            throws IOException {
        int threads = Math.max(1, Math.min(reporters.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "cloud-audit-report-" + started.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Written>> writing = new ArrayList<>();
            for (Reporter reporter : reporters) {
                writing.add(pool.submit(() -> {
                    Stopwatch took = Stopwatch.startWallClock();
                    return new Written(reporter, reporter.write(report, output, options), took.toString());
                }));
            }
            // Every write is waited for, so no file is still being written when the first failure is reported.
            List<Written> written = new ArrayList<>();
            Throwable failure = null;
            for (Future<Written> file : writing) {
                try {
                    written.add(file.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure != null) {
                throw rethrown(failure);
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the reports", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static IOException rethrown(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof UncheckedIOException io) {
            return io.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException(failure);
    }
}
