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
 * Writes {@code summary.md}: the verdict, counts, forgotten databases, worst findings and coverage in a few lines.
 * On GitHub Actions ({@code GITHUB_STEP_SUMMARY} set) it is appended to the job summary as well.
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
        ReportView view = new ReportViewBuilder(report, messages, ReportViewBuilder.Limits.DEFAULT).build();
        StringWriter text = new StringWriter();
        Templates.withEncoder(source, MarkdownText::encode).render(TEMPLATE, text, new More(view, messages), view);
        Path file = outputDirectory.resolve(FILE_NAME);
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        String stepSummary = environment.apply(STEP_SUMMARY);
        if (stepSummary != null && !stepSummary.isBlank()) {
            Files.writeString(Path.of(stepSummary), text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return file;
    }

    /** How many open findings the summary leaves out, as a sentence, or null when it shows them all. */
    public record More(String moreFindings) {
        More(ReportView view, Messages messages) {
            this(remaining(view) > 0 ? messages.format("markdown.more", remaining(view)) : null);
        }

        private static long remaining(ReportView view) {
            long open = view.entries().stream().filter(e -> !e.finding().suppressed()).count();
            return open - view.top().size();
        }
    }
}
