package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.AuditRequest;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.source.InventoryFiles;
import io.github.cloudaudit.source.InventorySource;
import org.apache.maven.plugin.MojoExecutionException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters the {@code audit} and {@code report} goals share, checked and turned into an {@link AuditRequest}
 * in one place. Each goal declares the fields Maven injects (a report must extend AbstractMavenReport, whose
 * {@code execute} is final, so the goals cannot share a base class) and hands their values here.
 *
 * @param basedir the project folder relative paths are resolved against, null without a project
 */
record AuditParameters(List<File> inventory, String auditDate, String failOnSeverity, List<String> requiredTags,
                       int maxServerAgeDays, int stoppedDaysThreshold, List<String> databaseTags, File suppressions,
                       File osLifecycle, File databaseLifecycle, String locale, File templateDirectory, File basedir) {

    /** The request, reading the inventory files and the live sources given. */
    AuditRequest request(List<InventorySource> live) throws MojoExecutionException {
        List<InventorySource> sources = new ArrayList<>();
        if (inventory != null) {
            inventory.stream().map(this::resolve).map(InventoryFiles::new).forEach(sources::add);
        }
        sources.addAll(live);
        if (sources.isEmpty()) {
            throw new MojoExecutionException("cloudaudit.inventory: give at least one inventory file or folder, "
                    + "or read accounts live (cloudaudit.aws.enabled=true)");
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
        if (maxServerAgeDays < 1 || stoppedDaysThreshold < 0) {
            throw new MojoExecutionException("cloudaudit.maxServerAgeDays must be at least 1 and "
                    + "cloudaudit.stoppedDaysThreshold at least 0");
        }
        if (!locale.equals("en") && !locale.equals("nb")) {
            throw new MojoExecutionException("cloudaudit.locale must be en or nb, found '" + locale + "'");
        }
        AuditSettings settings = AuditSettings.defaults()
                .withRequiredTags(requiredTags.stream().map(String::trim).filter(s -> !s.isEmpty()).toList())
                .withMaxServerAgeDays(maxServerAgeDays)
                .withStoppedDaysThreshold(stoppedDaysThreshold)
                .withDatabaseTags(parseTags(databaseTags));
        return new AuditRequest(sources, date, settings, threshold,
                existing(suppressions, "suppressions"), existing(osLifecycle, "osLifecycle"),
                existing(databaseLifecycle, "databaseLifecycle"), locale);
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

    Path resolve(File file) {
        return file.isAbsolute() || basedir == null ? file.toPath() : basedir.toPath().resolve(file.toPath());
    }

    private static Map<String, String> parseTags(List<String> pairs) throws MojoExecutionException {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : pairs) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new MojoExecutionException("cloudaudit.databaseTags: expected key=value (or key=*), found '" + pair + "'");
            }
            tags.put(parts[0].trim(), parts[1].trim());
        }
        return tags;
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
