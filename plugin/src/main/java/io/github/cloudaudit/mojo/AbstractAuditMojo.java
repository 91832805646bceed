package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.audit.AuditRequest;
import io.github.cloudaudit.audit.PolicyOptions;
import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.config.ConfigurationFile;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.policy.Gates;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.view.TemplateSource;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.OrphanNoOwnerRule;
import io.github.cloudaudit.rules.OrphanStoppedRule;
import io.github.cloudaudit.rules.Setting;
import io.github.cloudaudit.rules.StaleServerRule;
import io.github.cloudaudit.source.InventoryFiles;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.text.SafeText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters every goal that audits takes ({@code audit}, {@code report} and {@code baseline}), declared once
 * with their properties, laid over the configuration file and turned into an {@link AuditRequest} in one place.
 * Parameters have no default here, so an unset one leaves the file's value; the defaults live in {@link Configuration}
 * and, for rule settings, in the rule that declares them ({@link io.github.cloudaudit.rules.Rule#settings()}).
 */
abstract class AbstractAuditMojo extends LiveSourceMojo {

    /**
     * Inventory files and folders: normalized inventory, AWS CLI or Azure CLI JSON output. Several allowed.
     * Optional when a live source ({@code cloudaudit.aws.enabled}) is on.
     */
    @Parameter(property = "cloudaudit.inventory")
    List<File> inventory;

    /** The date rules measure against (ISO, e.g. 2026-11-23); fix it to make an audit reproducible. Default: today. */
    @Parameter(property = "cloudaudit.auditDate")
    String auditDate;

    /**
     * Unsuppressed findings of this severity or worse fail the verdict: CRITICAL, HIGH, MEDIUM, LOW, INFO or NONE.
     * Default: HIGH. The {@code report} goal shows the verdict but never fails the site build.
     */
    @Parameter(property = "cloudaudit.failOnSeverity")
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

    /**
     * A baseline file written by the {@code baseline} goal: only findings not in it count for the verdict, and
     * baseline findings that went away are listed as fixed.
     */
    @Parameter(property = "cloudaudit.baseline")
    File baseline;

    /** More unsuppressed findings than this (new ones, with a baseline), of any severity, fail the verdict. */
    @Parameter(property = "cloudaudit.maxFindings")
    Integer maxFindings;

    /**
     * An audit that could not see everything (a region that denied access, a truncated listing) fails the verdict.
     * When false, its audit-incomplete findings are reported but do not count. Default: true.
     */
    @Parameter(property = "cloudaudit.failOnIncompleteAudit")
    Boolean failOnIncompleteAudit;

    /** An expired suppression fails the verdict instead of being a warning. Default: false. */
    @Parameter(property = "cloudaudit.failOnExpiredSuppressions")
    Boolean failOnExpiredSuppressions;

    /**
     * The effective configuration: the defaults, then the configuration file, then what the pom sets.
     *
     * @throws MojoExecutionException naming the file, line and problem when the file is malformed
     */
    Configuration configuration() throws MojoExecutionException {
        return effectiveConfiguration(pomLayer());
    }

    /** What the pom (or -D) sets, as a configuration layer; rule settings go under their rule. */
    ObjectNode pomLayer() throws MojoExecutionException {
        ObjectNode layer = liveSourceLayer();
        if (inventory != null && !inventory.isEmpty()) {
            ArrayNode paths = layer.putArray("inventory");
            inventory.forEach(f -> paths.add(resolve(f).toString()));
        }
        putText(layer, "auditDate", auditDate);
        putText(layer, "failOnSeverity", failOnSeverity);
        putText(layer, "locale", locale);
        putPath(layer, "suppressions", suppressions);
        putPath(layer, "osLifecycle", osLifecycle);
        putPath(layer, "databaseLifecycle", databaseLifecycle);
        putPath(layer, "templateDirectory", templateDirectory);
        putPath(layer, "baseline", baseline);
        if (maxFindings != null) {
            if (maxFindings < 0) {
                throw new MojoExecutionException("cloudaudit.maxFindings: must be at least 0, found " + maxFindings);
            }
            layer.put("maxFindings", maxFindings);
        }
        putFlag(layer, "failOnIncompleteAudit", failOnIncompleteAudit);
        putFlag(layer, "failOnExpiredSuppressions", failOnExpiredSuppressions);
        putSetting(layer, OrphanNoOwnerRule.REQUIRED_TAGS, requiredTags);
        putSetting(layer, StaleServerRule.MAX_SERVER_AGE_DAYS, maxServerAgeDays);
        putSetting(layer, OrphanStoppedRule.STOPPED_DAYS_THRESHOLD, stoppedDaysThreshold);
        putSetting(layer, AuditSettings.DATABASE_TAGS, databaseTags);
        return layer;
    }

    static void putText(ObjectNode layer, String key, String value) {
        if (value != null && !value.isBlank()) {
            layer.put(key, value.trim());
        }
    }

    static void putFlag(ObjectNode layer, String key, Boolean value) {
        if (value != null) {
            layer.put(key, value);
        }
    }

    void putPath(ObjectNode layer, String key, File value) {
        if (value != null) {
            layer.put(key, resolve(value).toString());
        }
    }

    private static <T> void putSetting(ObjectNode layer, Setting<T> setting, Object value) throws MojoExecutionException {
        if (unset(value)) {
            return;
        }
        try {
            Configuration.put(layer, setting, setting.parse(value));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("cloudaudit." + e.getMessage());
        }
    }

    /**
     * The audit the configuration asks for.
     *
     * @param defaultLanguage the report language when neither the pom nor the file names one
     */
    AuditRequest request(Configuration configuration, String defaultLanguage) throws MojoExecutionException {
        List<InventorySource> sources = new ArrayList<>();
        configuration.texts("inventory").forEach(path -> sources.add(new InventoryFiles(Path.of(path))));
        sources.addAll(liveSources(configuration));
        if (sources.isEmpty()) {
            throw new MojoExecutionException("inventory: give at least one inventory file or folder "
                    + "(cloudaudit.inventory, or inventory in " + ConfigurationFile.DEFAULT_NAME
                    + "), or read clouds live (cloudaudit.aws.enabled=true, cloudaudit.azure.enabled=true)");
        }
        String dateText = configuration.text("auditDate");
        LocalDate date;
        try {
            date = dateText == null ? LocalDate.now() : LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("auditDate must be an ISO date like 2026-11-23, found '" + dateText + "'");
        }
        Severity threshold;
        try {
            threshold = Policy.threshold(configuration.text("failOnSeverity"));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("failOnSeverity: " + e.getMessage() + " or NONE");
        }
        String language = configuration.text("locale") == null ? defaultLanguage : configuration.text("locale");
        if (!language.equals("en") && !language.equals("nb")) {
            throw new MojoExecutionException("locale must be en or nb, found '" + language + "'");
        }
        AuditSettings settings;
        try {
            settings = configuration.settings();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        return new AuditRequest(sources, date, settings, threshold,
                existingFile(configuration, "suppressions"), existingFile(configuration, "osLifecycle"),
                existingFile(configuration, "databaseLifecycle"), language,
                new PolicyOptions(configuration.ruleOverrides(), baselineToApply(configuration),
                        new Gates(configuration.integer("maxFindings"), configuration.flag("failOnIncompleteAudit"),
                                configuration.flag("failOnExpiredSuppressions"))), configuration.yaml());
    }

    /** The baseline the verdict is measured against, null for none. */
    Path baselineToApply(Configuration configuration) throws MojoExecutionException {
        return existingFile(configuration, "baseline");
    }

    /** How to render: the user's template folder, which must exist when given, and each output's cap. */
    ReportOptions reportOptions(Configuration configuration) throws MojoExecutionException {
        Path folder = templateFolder(configuration);
        try {
            return new ReportOptions(folder, configuration.integer("sarifMaxResults"),
                    configuration.integer("junitMaxTestCases"), configuration.integer("markdownMaxBytes"),
                    configuration.flag("compressJson"));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    private static Path templateFolder(Configuration configuration) throws MojoExecutionException {
        String folderText = configuration.text("templateDirectory");
        if (folderText == null) {
            return null;
        }
        Path folder = Path.of(folderText);
        if (!Files.isDirectory(folder)) {
            throw new MojoExecutionException("templateDirectory: folder not found: " + folder);
        }
        List<String> linksOut;
        try {
            linksOut = TemplateSource.linksLeadingOut(folder);
        } catch (IOException e) {
            throw new MojoExecutionException("templateDirectory: cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (!linksOut.isEmpty()) {
            throw new MojoExecutionException("templateDirectory: " + SafeText.line(String.join(", ", linksOut))
                    + " in " + folder + " lead out of the folder through links; templates are read from the folder "
                    + "only: copy the files in instead");
        }
        return folder;
    }

    private static Path existingFile(Configuration configuration, String key) throws MojoExecutionException {
        String path = configuration.text(key);
        return path == null ? null : existing(Path.of(path), key);
    }
}
