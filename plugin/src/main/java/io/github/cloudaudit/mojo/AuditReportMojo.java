package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.html.HtmlReporter;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.TemplateSource;
import io.github.cloudaudit.source.InventoryFormatException;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Puts the audit into the project site ({@code mvn site}): the same audit as the {@code audit} goal, with the same
 * parameters, written as the self-contained HTML report under {@code cloud-audit/report.html}. Findings never fail
 * the build here; the {@code audit} goal is the gate. Run alone ({@code mvn cloud-audit:report}) it writes the same
 * page into the site folder.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class AuditReportMojo extends AbstractAuditMojo implements MavenReport {

    /** Where in the site the report goes, without the {@code .html} the site adds. */
    static final String OUTPUT_NAME = "cloud-audit/report";

    /** The site's folder; the site plugin sets it when it renders reports. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File reportOutputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Cloud audit report skipped (cloudaudit.skip=true)");
            return;
        }
        try {
            executeReport(Locale.getDefault());
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The site's sink is not used: the report is one self-contained page of its own. */
    @Override
    public void generate(Sink sink, Locale siteLocale) throws MavenReportException {
        executeReport(siteLocale);
    }

    void executeReport(Locale siteLocale) throws MavenReportException {
        try {
            Configuration configuration = configuration();
            AuditReport report = new Auditor(getLog()::info, getLog()::warn).audit(
                    request(configuration, language(siteLocale)), pluginVersion());
            Path folder = reportOutputDirectory.toPath().resolve(OUTPUT_NAME).getParent();
            Files.createDirectories(folder);
            Path written = new HtmlReporter().write(report, folder, reportOptions(configuration));
            getLog().info(String.format("Cloud audit report %s (%d findings, %d suppressed; the site never fails "
                            + "on findings): %s", report.result().passed() ? "passed" : "FAILED",
                    report.result().findings().size(), report.result().suppressedCount(), written));
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        } catch (InventoryFormatException e) {
            throw new MavenReportException("Cannot read inventory: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MavenReportException("Cloud audit could not read or write files: " + e.getMessage(), e);
        }
    }

    /** The report's language unless the pom or the configuration file names one: Norwegian for a Norwegian site. */
    String language(Locale siteLocale) {
        String site = siteLocale == null ? "" : siteLocale.getLanguage();
        return site.equals("nb") || site.equals("no") || site.equals("nn") ? "nb" : "en";
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale siteLocale) {
        return messages(siteLocale).get("site.name");
    }

    @Override
    public String getDescription(Locale siteLocale) {
        return messages(siteLocale).get("site.description");
    }

    @Override
    public void setReportOutputDirectory(File folder) {
        this.reportOutputDirectory = folder;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    /** The report is one self-contained page of its own, not a page in the site's skin. */
    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    private Messages messages(Locale siteLocale) {
        return Messages.load(TemplateSource.builtIn(), language(siteLocale));
    }
}
