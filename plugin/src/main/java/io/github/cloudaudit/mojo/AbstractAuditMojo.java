package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.AuditRequest;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.OrphanNoOwnerRule;
import io.github.cloudaudit.rules.OrphanStoppedRule;
import io.github.cloudaudit.rules.Setting;
import io.github.cloudaudit.rules.StaleServerRule;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The parameters every goal that audits takes ({@code audit} and {@code report}), declared once with their
 * properties and defaults, checked and turned into an {@link AuditRequest} in one place. Rule settings have no
 * default here: unset, they take the default the rule declares ({@link io.github.cloudaudit.rules.Rule#settings()}).
 */
abstract class AbstractAuditMojo extends AbstractMojo {

    /** Inventory files and folders: normalized inventory, AWS CLI or Azure CLI JSON output. Several allowed. */
    @Parameter(property = "cloudaudit.inventory")
    List<File> inventory;

    /** The date rules measure against (ISO, e.g. 2026-11-23); fix it to make an audit reproducible. Default: today. */
    @Parameter(property = "cloudaudit.auditDate")
    String auditDate;

    /**
     * Unsuppressed findings of this severity or worse fail the verdict: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE.
     * The {@code report} goal shows the verdict but never fails the site build.
     */
    @Parameter(property = "cloudaudit.failOnSeverity", defaultValue = "HIGH")
    String failOnSeverity;

    /** Tag keys every server must carry, compared case-insensitively; the first present names the owner. Default: owner. */
    @Parameter(property = "cloudaudit.requiredTags")
    List<String> requiredTags;

    /** A server launched or created longer ago than this many days is stale. Default: 1095. */
    @Parameter(property = "cloudaudit.maxServerAgeDays")
    Integer maxServerAgeDays;

    /** A server stopped or deallocated longer than this many days with disks attached is orphaned. Default: 30. */
    @Parameter(property = "cloudaudit.stoppedDaysThreshold")
    Integer stoppedDaysThreshold;

    /**
     * Tags that mark a server as a database host, as key=value pairs ({@code key=*} for any value).
     * Default: role=database, workload=database, db=*.
     */
    @Parameter(property = "cloudaudit.databaseTags")
    List<String> databaseTags;

    /** A YAML suppressions file: rule, resource, justification and an optional expiry date per entry. */
    @Parameter(property = "cloudaudit.suppressions")
    File suppressions;

    /** A YAML table of operating system end-of-support dates laid over the built-in one. */
    @Parameter(property = "cloudaudit.osLifecycle")
    File osLifecycle;

    /** A YAML table of database engine end-of-support dates laid over the built-in one. */
    @Parameter(property = "cloudaudit.databaseLifecycle")
    File databaseLifecycle;

    /**
     * Language of the human-readable reports: en or nb. Default: en; in a site, Norwegian when the site's language
     * is Norwegian.
     */
    @Parameter(property = "cloudaudit.locale")
    String locale;

    /**
     * A folder of report templates, assets and message bundles; each file replaces the built-in one of the same
     * name (e.g. {@code report.css}, {@code about.mustache}), and a {@code messages_en.properties} there overrides
     * single texts. See docs/report-templates.md.
     */
    @Parameter(property = "cloudaudit.templateDirectory")
    File templateDirectory;

    /** Skip the audit (in a site: leave the report out). */
    @Parameter(property = "cloudaudit.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** The audit the parameters ask for, in the given report language (en or nb). */
    AuditRequest request(String language) throws MojoExecutionException {
        if (inventory == null || inventory.isEmpty()) {
            throw new MojoExecutionException("cloudaudit.inventory: give at least one inventory file or folder");
        }
        LocalDate date;
        try {
            date = auditDate == null || auditDate.isBlank() ? LocalDate.now() : LocalDate.parse(auditDate.trim());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("cloudaudit.auditDate must be an ISO date like 2026-11-23, found '"
                    + auditDate + "'");
        }
        Severity threshold;
        try {
            threshold = Policy.threshold(failOnSeverity);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("cloudaudit.failOnSeverity: " + e.getMessage() + " or NONE");
        }
        if (!language.equals("en") && !language.equals("nb")) {
            throw new MojoExecutionException("cloudaudit.locale must be en or nb, found '" + language + "'");
        }
        return new AuditRequest(inventory.stream().map(this::resolve).toList(), date, settings(), threshold,
                existing(suppressions, "suppressions"), existing(osLifecycle, "osLifecycle"),
                existing(databaseLifecycle, "databaseLifecycle"), language);
    }

    /** The rule settings the pom sets; the others keep the rules' defaults. */
    AuditSettings settings() throws MojoExecutionException {
        AuditSettings settings = AuditSettings.defaults();
        settings = withPomValue(settings, OrphanNoOwnerRule.REQUIRED_TAGS, requiredTags);
        settings = withPomValue(settings, StaleServerRule.MAX_SERVER_AGE_DAYS, maxServerAgeDays);
        settings = withPomValue(settings, OrphanStoppedRule.STOPPED_DAYS_THRESHOLD, stoppedDaysThreshold);
        return withPomValue(settings, AuditSettings.DATABASE_TAGS, databaseTags);
    }

    private static <T> AuditSettings withPomValue(AuditSettings settings, Setting<T> setting, Object value)
            throws MojoExecutionException {
        if (value == null) {
            return settings;
        }
        try {
            return settings.with(setting, setting.parse(value));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("cloudaudit." + e.getMessage());
        }
    }

    /** How to render: the user's template folder, which must exist when given. */
    ReportOptions reportOptions() throws MojoExecutionException {
        if (templateDirectory == null) {
            return ReportOptions.DEFAULTS;
        }
        Path folder = resolve(templateDirectory);
        if (!Files.isDirectory(folder)) {
            throw new MojoExecutionException("cloudaudit.templateDirectory: folder not found: " + folder);
        }
        return new ReportOptions(folder);
    }

    /** A path from the pom, against the project folder when relative (the working folder without a project). */
    Path resolve(File file) {
        File basedir = project == null ? null : project.getBasedir();
        return file.isAbsolute() || basedir == null ? file.toPath() : basedir.toPath().resolve(file.toPath());
    }

    String pluginVersion() {
        return plugin == null ? null : plugin.getVersion();
    }

    private Path existing(File file, String parameter) throws MojoExecutionException {
        if (file == null) {
            return null;
        }
        Path path = resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new MojoExecutionException("cloudaudit." + parameter + ": file not found: " + path);
        }
        return path;
    }
}
