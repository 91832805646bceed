package io.github.cloudaudit.report.html;

import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.ReportView;
import io.github.cloudaudit.report.view.ReportViewBuilder;
import io.github.cloudaudit.report.view.TemplateSource;
import io.github.cloudaudit.report.view.Templates;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html}: one self-contained page for the manager who decides and the engineer who acts. Style
 * sheet, script, charts and data are inline; a Content-Security-Policy forbids every request. The first findings are
 * rendered as markup so the page reads without JavaScript; the script pages, filters and sorts all of them.
 */
public final class HtmlReporter implements Reporter {

    public static final String FILE_NAME = "report.html";
    static final String TEMPLATE = "report.mustache";
    static final String STYLE_SHEET = "report.css";
    static final String SCRIPT = "report.js";

    private final ReportViewBuilder.Limits limits;

    public HtmlReporter() {
        this(ReportViewBuilder.Limits.DEFAULT);
    }

    HtmlReporter(ReportViewBuilder.Limits limits) {
        this.limits = limits;
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory) throws IOException {
        return write(report, outputDirectory, ReportOptions.DEFAULTS);
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory, ReportOptions options) throws IOException {
        TemplateSource source = TemplateSource.withOverrides(options.templateDirectory());
        Messages messages = Messages.load(source, report.metadata().locale());
        ReportView view = new ReportViewBuilder(report, messages, limits).build();
        String css = inline(source, STYLE_SHEET, "</style");
        String script = inline(source, SCRIPT, "</script");
        ReportData data = new ReportData(view, messages);
        Page page = new Page(css, script, ContentSecurityPolicy.forInline(css, script), Charts.of(view, messages),
                new Filters(data.severityOptions(), data.ruleOptions(), data.providerOptions(), data.accountOptions(),
                        data.regionOptions(), data.ownerOptions()),
                data.json());
        Path file = outputDirectory.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Templates.html(source).render(TEMPLATE, out, page, view);
        }
        return file;
    }

    /** An asset put inline must not end its own element early; a user's override might. */
    private static String inline(TemplateSource source, String name, String closingTag) {
        String text = source.require(name);
        if (text.toLowerCase(Locale.ROOT).contains(closingTag)) {
            throw new IllegalStateException(name + " must not contain '" + closingTag + "': it is inlined in the report");
        }
        return text;
    }

    /**
     * What only the HTML page needs besides the view: its inline assets, their policy, charts, filter choices and
     * data. {@code scriptSafeData} is the only inventory-derived value a template may insert unescaped.
     */
    public record Page(String css, String script, String contentSecurityPolicy, List<BarChart> charts,
                       Filters filters, String scriptSafeData) {
    }

    public record Filters(List<ReportData.Option> severities, List<ReportData.Option> rules,
                          List<ReportData.Option> providers, List<ReportData.Option> accounts,
                          List<ReportData.Option> regions, List<ReportData.Option> owners) {
    }
}
