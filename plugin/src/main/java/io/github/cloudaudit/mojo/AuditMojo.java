package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.AuditRequest;
import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.source.InventoryFormatException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Audits cloud inventories for servers that host databases and are legacy, orphaned or unwatched, writes the
 * reports, and fails the build on unsuppressed findings at or above {@code failOnSeverity}.
 */
@Mojo(name = "audit", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class AuditMojo extends LiveSourceMojo {

    private static final int WORST_FINDINGS_SHOWN = 10;

    /**
     * Inventory files and folders: normalized inventory, AWS CLI or Azure CLI JSON output. Several allowed.
     * Optional when a live source ({@code cloudaudit.aws.enabled}) is on.
     */
    @Parameter(property = "cloudaudit.inventory")
    private List<File> inventory;

    /** The date rules measure against (ISO, e.g. 2026-11-23); fix it to make an audit reproducible. Default: today. */
    @Parameter(property = "cloudaudit.auditDate")
    private String auditDate;

    /** Fail the build on unsuppressed findings of this severity or worse: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE. */
    @Parameter(property = "cloudaudit.failOnSeverity", defaultValue = "HIGH")
    private String failOnSeverity;

    /** Where reports go. Default: {@code target/cloud-audit} in a project, {@code ./cloud-audit} without one. */
    @Parameter(property = "cloudaudit.outputDirectory")
    private File outputDirectory;

    /** Report formats: html, json, sarif, junit, markdown, or all. */
    @Parameter(property = "cloudaudit.formats", defaultValue = "html,json,sarif")
    private List<String> formats;

    /** Skip the audit. */
    @Parameter(property = "cloudaudit.skip", defaultValue = "false")
    private boolean skip;

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

    /** Language of the human-readable reports: en or nb. */
    @Parameter(property = "cloudaudit.locale", defaultValue = "en")
    private String locale;

    /**
     * A folder of report templates, assets and message bundles; each file replaces the built-in one of the same
     * name (e.g. {@code report.css}, {@code about.mustache}), and a {@code messages_en.properties} there overrides
     * single texts. See docs/report-templates.md.
     */
    @Parameter(property = "cloudaudit.templateDirectory")
    private File templateDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Cloud audit skipped (cloudaudit.skip=true)");
            return;
        }
        AuditParameters parameters = parameters();
        AuditRequest request = parameters.request(liveSources());
        ReportOptions options = parameters.reportOptions();
        List<Reporter> reporters = reporters();
        AuditReport report;
        List<Path> written = new ArrayList<>();
        try {
            report = new Auditor(getLog()::info, getLog()::warn).audit(request, plugin.getVersion());
            Path output = outputDirectory().toPath();
            Files.createDirectories(output);
            Instant reportsStart = Instant.now();
            for (Reporter reporter : reporters) {
                written.add(reporter.write(report, output, options));
            }
            getLog().info("Wrote " + written.size() + " report(s) in " + Auditor.seconds(reportsStart));
        } catch (InventoryFormatException e) {
            throw new MojoExecutionException("Cannot read inventory: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cloud audit could not read or write files: " + e.getMessage(), e);
        }
        BuildLogSummary summary = new BuildLogSummary(report, written);
        summary.lines().forEach(getLog()::info);
        if (!report.result().passed()) {
            throw new MojoFailureException(summary.failureMessage(WORST_FINDINGS_SHOWN));
        }
    }

    private AuditParameters parameters() {
        return new AuditParameters(inventory, auditDate, failOnSeverity, requiredTags, maxServerAgeDays,
                stoppedDaysThreshold, databaseTags, suppressions, osLifecycle, databaseLifecycle, locale,
                templateDirectory, project == null ? null : project.getBasedir());
    }

    private List<Reporter> reporters() throws MojoExecutionException {
        Map<String, Reporter> available = new LinkedHashMap<>();
        ServiceLoader.load(Reporter.class, getClass().getClassLoader()).forEach(r -> available.put(r.format(), r));
        List<String> wanted = formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty()).toList();
        if (wanted.contains("all")) {
            return List.copyOf(available.values());
        }
        List<Reporter> selected = new ArrayList<>();
        for (String format : wanted) {
            Reporter reporter = available.get(format);
            if (reporter == null) {
                throw new MojoExecutionException("cloudaudit.formats: unknown format '" + format + "', expected "
                        + String.join(", ", available.keySet()) + " or all");
            }
            selected.add(reporter);
        }
        return selected;
    }

    private File outputDirectory() {
        if (outputDirectory != null) {
            return parameters().resolve(outputDirectory).toFile();
        }
        boolean standalone = project == null || project.getFile() == null;
        return standalone ? new File("cloud-audit") : new File(project.getBuild().getDirectory(), "cloud-audit");
    }

    static String countsLine(Map<Severity, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    static String describe(Finding finding) {
        String where = finding.provider() == null ? "" : " [" + finding.provider().name().toLowerCase(Locale.ROOT)
                + (finding.account() != null ? " " + finding.account() : "")
                + (finding.region() != null ? " " + finding.region() : "") + "]";
        String name = finding.resourceName() != null && !finding.resourceName().equals(finding.resourceId())
                ? " (" + finding.resourceName() + ")" : "";
        return String.format("%-8s %-30s %s%s%s: %s", finding.severity(), finding.ruleId(), finding.resourceId(), name,
                where, finding.message());
    }
}
