package io.github.cloudaudit.mojo;

import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.report.html.HtmlReporter;
import io.github.cloudaudit.report.json.JsonReporter;
import io.github.cloudaudit.report.junit.JUnitReporter;
import io.github.cloudaudit.report.markdown.MarkdownReporter;
import io.github.cloudaudit.report.sarif.SarifReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWritesTest {

    private static final AuditReport REPORT = ReportFixtures.demo("en");

    @TempDir
    Path output;

    @Test
    void everyFormatWrittenBesideTheOthersIsTheFileItIsAloneAndTheyAreListedInTheOrderSelected() throws IOException {
        List<Reporter> formats = List.of(new SarifReporter(), new HtmlReporter(), new JsonReporter(),
                new MarkdownReporter(), new JUnitReporter());
        Path alone = Files.createDirectory(output.resolve("alone"));
        for (Reporter format : formats) {
            format.write(REPORT, alone, ReportOptions.DEFAULTS);
        }
        Path together = Files.createDirectory(output.resolve("together"));

        List<ReportWrites.Written> written = ReportWrites.write(formats, REPORT, together, ReportOptions.DEFAULTS, 3);

        assertThat(written).extracting(w -> w.file().getFileName().toString())
                .containsExactly("findings.sarif", "report.html", "findings.json", "summary.md", "junit.xml");
        for (ReportWrites.Written file : written) {
            assertThat(file.file()).hasSameBinaryContentAs(alone.resolve(file.file().getFileName()));
        }
        assertThat(written).allSatisfy(w -> assertThat(w.took()).matches("\\d+\\.\\d s"));
    }

    @Test
    void formatsAreWrittenAtTheSameTime() throws IOException {
        CountDownLatch secondStarted = new CountDownLatch(1);
        Reporter waitsForTheSecond = fake("first", () -> {
            // Only a second format written meanwhile lets the first one finish in time.
            if (!secondStarted.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the second format was not being written at the same time");
            }
        });
        Reporter second = fake("second", secondStarted::countDown);

        assertThat(ReportWrites.write(List.of(waitsForTheSecond, second), REPORT, output, ReportOptions.DEFAULTS, 2))
                .extracting(w -> w.file().getFileName().toString()).containsExactly("first", "second");
    }

    @Test
    void theFirstFailureInTheSelectedOrderIsReportedWhicheverFailsFirst() {
        CountDownLatch laterFailed = new CountDownLatch(1);
        Reporter failsLast = fake("first", () -> {
            laterFailed.await(30, TimeUnit.SECONDS);
            throw new IOException("first format failed");
        });
        Reporter failsFirst = fake("second", () -> {
            laterFailed.countDown();
            throw new IOException("second format failed");
        });

        assertThatThrownBy(() -> ReportWrites.write(List.of(failsLast, failsFirst), REPORT, output,
                ReportOptions.DEFAULTS, 2)).isInstanceOf(IOException.class).hasMessage("first format failed");
    }

    @Test
    void withOneThreadTheFormatsAreWrittenOneAfterTheOtherOnTheCallingThread() throws IOException {
        List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Reporter first = fake("first", () -> ranOn.add(Thread.currentThread()));
        Reporter second = fake("second", () -> ranOn.add(Thread.currentThread()));

        ReportWrites.write(List.of(first, second), REPORT, output, ReportOptions.DEFAULTS, 1);

        assertThat(ranOn).containsExactly(Thread.currentThread(), Thread.currentThread());
    }

    @Test
    void aProgrammingErrorIsNotDisguisedAsAnInputOrOutputError() {
        Reporter broken = fake("broken", () -> {
            throw new IllegalStateException("a bug in a reporter");
        });

        assertThatThrownBy(() -> ReportWrites.write(List.of(broken, fake("fine", () -> { })), REPORT, output,
                ReportOptions.DEFAULTS, 2))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug in a reporter");
    }

    @Test
    void noWritingThreadOutlivesTheWrites() throws IOException {
        ReportWrites.write(List.of(new JsonReporter(), new SarifReporter()), REPORT, output, ReportOptions.DEFAULTS, 2);

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.isAlive()
                && thread.getName().startsWith("cloud-audit-report-") && !waitedFor(thread));
    }

    private static boolean waitedFor(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private interface Work {
        void run() throws Exception;
    }

    /** A format that does some work and then writes an empty file named after it. */
    private static Reporter fake(String name, Work work) {
        return new Reporter() {
            @Override
            public String format() {
                return name;
            }

            @Override
            public Path write(AuditReport report, Path outputDirectory) throws IOException {
                try {
                    work.run();
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
                return Files.writeString(outputDirectory.resolve(name), "");
            }
        };
    }
}
