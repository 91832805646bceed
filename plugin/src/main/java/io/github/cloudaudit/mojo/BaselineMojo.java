package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.policy.BaselineFile;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.rules.AuditIncompleteRule;
import io.github.cloudaudit.source.InventoryFormatException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Accepts today's findings: audits as the {@code audit} goal does and writes every unsuppressed finding's stable
 * fingerprint to the baseline file ({@code cloudaudit.baseline}, default {@code cloud-audit-baseline.yml} in the
 * project's folder), a file meant to be committed. With it set on {@code audit}, only new findings count.
 * An audit's incompleteness is never accepted: audit-incomplete findings stay out of the baseline.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public class BaselineMojo extends AbstractAuditMojo {

    static final String DEFAULT_FILE = "cloud-audit-baseline.yml";

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Cloud audit baseline skipped (cloudaudit.skip=true)");
            return;
        }
        Configuration configuration = configuration();
        Path file = configuration.text("baseline") != null ? Path.of(configuration.text("baseline"))
                : resolve(new File(DEFAULT_FILE));
        try {
            AuditReport report = new Auditor(getLog()::info, getLog()::warn).audit(request(configuration, "en"),
                    pluginVersion());
            List<Finding> accepted = report.result().findings().stream()
                    .filter(f -> !f.suppressed() && !f.ruleId().equals(AuditIncompleteRule.METADATA.id())).toList();
            BaselineFile.write(file, accepted, report.metadata().auditDate());
            if (report.incomplete()) {
                getLog().warn("The audit is INCOMPLETE: findings it could not see are not in the baseline and will "
                        + "count as new once they are seen");
            }
            getLog().info("Cloud audit baseline written: " + accepted.size() + " finding(s) accepted in " + file);
        } catch (InventoryFormatException e) {
            throw new MojoExecutionException("Cannot read inventory: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cloud audit could not read or write files: " + e.getMessage(), e);
        }
    }

    /** The file is where the baseline goes, not one to measure against. */
    @Override
    Path baselineToApply(Configuration configuration) {
        return null;
    }
}
