package io.github.cloudaudit.report.markdown;

import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.ReportView;
import io.github.cloudaudit.report.view.ReportViewBuilder;
import io.github.cloudaudit.report.view.TemplateSource;
import io.github.cloudaudit.report.view.Templates;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Writes {@code summary.md}: the verdict, counts, forgotten databases, worst findings and coverage in a few lines,
 * at most {@code markdownMaxBytes} of them. On GitHub Actions ({@code GITHUB_STEP_SUMMARY} set) it is appended to
 * the job summary as well, which GitHub refuses beyond 1 MiB a step.
 */
public final class MarkdownReporter implements Reporter {

    public static final String FILE_NAME = "summary.md";
    public static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
    static final String TEMPLATE = "summary.md.mustache";

    private final UnaryOperator<String> environment;

    public MarkdownReporter() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables; tests pass their own */
    public MarkdownReporter(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory) throws IOException {
        return write(report, outputDirectory, ReportOptions.DEFAULTS);
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory, ReportOptions options) throws IOException {
        TemplateSource source = TemplateSource.withOverrides(options.templateDirectory());
        Messages messages = Messages.load(source, report.metadata().locale());
        ReportView view = new ReportViewBuilder(report, messages, ReportViewBuilder.Limits.DEFAULT).summary();
        StringWriter rendered = new StringWriter();
        Templates.withEncoder(source, MarkdownText::encode).render(TEMPLATE, rendered, new More(report, view, messages), view);
        String text = fitted(rendered.toString(), options.markdownMaxBytes(), messages);
        Path file = outputDirectory.resolve(FILE_NAME);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String stepSummary = environment.apply(STEP_SUMMARY);
        if (stepSummary != null && !stepSummary.isBlank()) {
            Files.writeString(Path.of(stepSummary), text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return file;
    }

    /**
     * The summary as it fits in the byte budget: whole when it does, otherwise cut after its last line that fits,
     * with a sentence saying so. The verdict and counts come first in the template, so a cut keeps them.
     */
    static String fitted(String text, int maxBytes, Messages messages) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String note = "\n> " + messages.format("markdown.cut", maxBytes / 1024) + "\n";
        int budget = maxBytes - note.getBytes(StandardCharsets.UTF_8).length;
        int bytes = 0;
        int end = 0;
        for (int lineEnd = text.indexOf('\n'); lineEnd >= 0; lineEnd = text.indexOf('\n', lineEnd + 1)) {
            bytes += text.substring(end, lineEnd + 1).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > budget) {
                break;
            }
            end = lineEnd + 1;
        }
        return text.substring(0, end) + note;
    }

    /** How many open findings the summary leaves out, as a sentence, or null when it shows them all. */
    public record More(String moreFindings) {
        More(AuditReport report, ReportView view, Messages messages) {
            this(remaining(report, view) > 0 ? messages.format("markdown.more", remaining(report, view)) : null);
        }

        private static long remaining(AuditReport report, ReportView view) {
            long open = report.result().findings().stream().filter(f -> !f.suppressed()).count();
            return open - view.top().size();
        }
    }
}
