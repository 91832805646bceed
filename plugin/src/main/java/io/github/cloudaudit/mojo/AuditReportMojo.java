package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.html.HtmlReporter;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.TemplateSource;
import io.github.cloudaudit.source.InventoryFormatException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Puts the audit into the project site ({@code mvn site}): the same audit as the {@code audit} goal, written as the
 * self-contained HTML report under {@code cloud-audit/report.html}. Findings never fail the build here; the
 * {@code audit} goal is the gate.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class AuditReportMojo extends AbstractMavenReport {

    /** Where in the site the report goes, without the {@code .html} the site adds. */
    static final String OUTPUT_NAME = "cloud-audit/report";

    // The parameters below are the audit goal's, with the same names, properties and defaults; AuditParameters
    // checks them for both goals.

    /** Inventory files and folders: normalized inventory, AWS CLI or Azure CLI JSON output. Several allowed. */
    @Parameter(property = "cloudaudit.inventory", required = true)
    private List<File> inventory;

    /** The date rules measure against (ISO, e.g. 2026-11-23); fix it to make an audit reproducible. Default: today. */
    @Parameter(property = "cloudaudit.auditDate")
    private String auditDate;

    /** The threshold the report's verdict is measured against; in the site it never fails the build. */
    @Parameter(property = "cloudaudit.failOnSeverity", defaultValue = "HIGH")
    private String failOnSeverity;

    /** Tag keys every server must carry, compared case-insensitively; the first present names the owner. */
    @Parameter(property = "cloudaudit.requiredTags", defaultValue = "owner")
    private List<String> requiredTags;

    /** A server launched or created longer ago than this many days is stale. */
    @Parameter(property = "cloudaudit.maxServerAgeDays", defaultValue = "1095")
    private int maxServerAgeDays;

    /** A server stopped or deallocated longer than this many days with disks attached is orphaned. */
    @Parameter(property = "cloudaudit.stoppedDaysThreshold", defaultValue = "30")
    private int stoppedDaysThreshold;

    /** Tags that mark a server as a database host, as key=value pairs ({@code key=*} for any value). */
    @Parameter(property = "cloudaudit.databaseTags", defaultValue = "role=database,workload=database,db=*")
    private List<String> databaseTags;

    /** A YAML suppressions file: rule, resource, justification and an optional expiry date per entry. */
    @Parameter(property = "cloudaudit.suppressions")
    private File suppressions;

    /** A YAML table of operating system end-of-support dates laid over the built-in one. */
    @Parameter(property = "cloudaudit.osLifecycle")
    private File osLifecycle;

    /** A YAML table of database engine end-of-support dates laid over the built-in one. */
    @Parameter(property = "cloudaudit.databaseLifecycle")
    private File databaseLifecycle;

    /**
     * Language of the report, en or nb. Default: the site's language when it is Norwegian, otherwise English. (Named
     * apart from the audit goal's {@code locale}, which in a report is the site's own parameter.)
     */
    @Parameter(property = "cloudaudit.locale")
    private String language;

    /** A folder whose files replace the built-in report templates, assets or texts of the same name. */
    @Parameter(property = "cloudaudit.templateDirectory")
    private File templateDirectory;

    /** Leave the report out of the site. */
    @Parameter(property = "cloudaudit.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return messages(locale).get("site.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return messages(locale).get("site.description");
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

    @Override
    protected void executeReport(Locale siteLocale) throws MavenReportException {
        try {
            AuditParameters parameters = new AuditParameters(inventory, auditDate, failOnSeverity, requiredTags,
                    maxServerAgeDays, stoppedDaysThreshold, databaseTags, suppressions, osLifecycle,
                    databaseLifecycle, language(siteLocale), templateDirectory,
                    project == null ? null : project.getBasedir());
            AuditReport report = new Auditor(getLog()::info, getLog()::warn).audit(parameters.request(List.of()), pluginVersion());
            Path folder = getReportOutputDirectory().toPath().resolve(OUTPUT_NAME).getParent();
            Files.createDirectories(folder);
            Path written = new HtmlReporter().write(report, folder, parameters.reportOptions());
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

    /** The report's language: the parameter when given, otherwise Norwegian for a Norwegian site. */
    String language(Locale siteLocale) {
        if (language != null && !language.isBlank()) {
            return language.trim();
        }
        String site = siteLocale == null ? "" : siteLocale.getLanguage();
        return site.equals("nb") || site.equals("no") || site.equals("nn") ? "nb" : "en";
    }

    private Messages messages(Locale siteLocale) {
        return Messages.load(TemplateSource.builtIn(), language(siteLocale));
    }

    private String pluginVersion() {
        return mojoExecution == null ? null : mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }
}
