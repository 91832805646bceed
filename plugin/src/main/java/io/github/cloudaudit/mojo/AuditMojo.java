package io.github.cloudaudit.mojo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.audit.AuditRequest;
import io.github.cloudaudit.config.Configuration;
import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.audit.Stopwatch;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.text.SafeText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
public class AuditMojo extends AbstractAuditMojo {

    private static final int WORST_FINDINGS_SHOWN = 10;
    /** The effective configuration's file name beside the reports. */
    static final String EFFECTIVE_CONFIGURATION = "effective-config.yml";

    /** Where reports go. Default: {@code target/cloud-audit} in a project, {@code ./cloud-audit} without one. */
    @Parameter(property = "cloudaudit.outputDirectory")
    private File outputDirectory;

    /** Report formats: html, json, sarif, junit, markdown, or all. Default: html,json,sarif. */
    @Parameter(property = "cloudaudit.formats")
    private List<String> formats;

    /** Log the verdict but never fail the build on it, for a first rollout. Errors still fail. Default: false. */
    @Parameter(property = "cloudaudit.warnOnly")
    private Boolean warnOnly;

    /**
     * findings.sarif holds at most this many results, the most severe and most at risk first: code scanning shows
     * the top 5,000 and rejects a run of more than 25,000. The verdict and findings.json count them all. Default: 5000.
     */
    @Parameter(property = "cloudaudit.sarifMaxResults")
    private Integer sarifMaxResults;

    /**
     * junit.xml lists at most this many test cases with findings one by one, the most severe first; the rest of
     * each rule is summed up in one case that fails if any of them is open. Default: 5000.
     */
    @Parameter(property = "cloudaudit.junitMaxTestCases")
    private Integer junitMaxTestCases;

    /** summary.md (and the GitHub job summary) is cut to at most this many bytes, saying so. Default: 524288. */
    @Parameter(property = "cloudaudit.markdownMaxBytes")
    private Integer markdownMaxBytes;

    /** Write findings.json gzipped, as findings.json.gz. Default: false. */
    @Parameter(property = "cloudaudit.compressJson")
    private Boolean compressJson;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Cloud audit skipped (cloudaudit.skip=true)");
            return;
        }
        Configuration configuration = configuration();
        AuditRequest request = request(configuration, "en");
        ReportOptions options = reportOptions(configuration);
        List<Reporter> reporters = reporters(configuration.texts("formats"));
        AuditReport report;
        List<Path> written = new ArrayList<>();
        try {
            SafeLog log = new SafeLog(getLog());
            report = new Auditor(log::info, log::warn).audit(request, pluginVersion());
            Path output = outputDirectory(configuration);
            Files.createDirectories(output);
            writeConfiguration(output, request);
            Stopwatch reportsStart = Stopwatch.start();
            String everything = null;
            for (ReportWrites.Written file : ReportWrites.write(reporters, report, output, options)) {
                written.add(file.file());
                if (file.reporter().format().equals("json")) {
                    everything = file.file().getFileName().toString();
                }
                getLog().info(String.format(Locale.ROOT, "Wrote %s (%,.1f MB) in %s", file.file().getFileName(),
                        Files.size(file.file()) / 1e6, file.took()));
            }
            getLog().info("Wrote " + written.size() + " report(s) in " + reportsStart);
            for (Reporter reporter : reporters) {
                String leftOut = reporter.leftOut(report, options);
                if (leftOut != null) {
                    getLog().info(leftOut + (everything != null ? " " + everything + " has them all."
                            : " Add json to formats to keep them all."));
                }
            }
        } catch (InventoryFormatException e) {
            throw new MojoExecutionException("Cannot read " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(SafeText.neutralize("Cloud audit could not read its inputs or write its reports: "
                    + e.getMessage()), e);
        }
        BuildLogSummary summary = new BuildLogSummary(report, written);
        summary.lines().forEach(line -> getLog().info(SafeText.neutralize(line)));
        if (report.result().passed()) {
            return;
        }
        String failure = summary.failureMessage(WORST_FINDINGS_SHOWN);
        if (configuration.flag("warnOnly")) {
            getLog().warn(failure);
            getLog().warn("The build goes on because warnOnly is set; remove it to make the audit a gate.");
            return;
        }
        throw new MojoFailureException(failure);
    }

    @Override
    ObjectNode pomLayer() throws MojoExecutionException {
        ObjectNode layer = super.pomLayer();
        putPath(layer, "outputDirectory", outputDirectory);
        putFlag(layer, "warnOnly", warnOnly);
        putAtLeast(layer, "sarifMaxResults", sarifMaxResults, 0);
        putAtLeast(layer, "junitMaxTestCases", junitMaxTestCases, 0);
        putAtLeast(layer, "markdownMaxBytes", markdownMaxBytes, ReportOptions.MINIMUM_MARKDOWN_MAX_BYTES);
        putFlag(layer, "compressJson", compressJson);
        if (formats != null && !formats.isEmpty()) {
            ArrayNode list = layer.putArray("formats");
            formats.forEach(list::add);
        }
        return layer;
    }

    private static void putAtLeast(ObjectNode layer, String key, Integer value, int minimum)
            throws MojoExecutionException {
        if (value == null) {
            return;
        }
        if (value < minimum) {
            throw new MojoExecutionException("cloudaudit." + key + ": must be at least " + minimum + ", found " + value);
        }
        layer.put(key, value);
    }

    /** The configuration the audit ran with, beside its reports. */
    private static Path writeConfiguration(Path output, AuditRequest request) throws IOException {
        return Files.writeString(output.resolve(EFFECTIVE_CONFIGURATION), request.configuration());
    }

    private List<Reporter> reporters(List<String> formats) throws MojoExecutionException {
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
                throw new MojoExecutionException("formats: unknown format '" + format + "', expected "
                        + String.join(", ", available.keySet()) + " or all");
            }
            selected.add(reporter);
        }
        return selected;
    }

    private Path outputDirectory(Configuration configuration) {
        if (configuration.text("outputDirectory") != null) {
            return Path.of(configuration.text("outputDirectory"));
        }
        boolean standalone = project == null || project.getFile() == null;
        return standalone ? Path.of("cloud-audit") : Path.of(project.getBuild().getDirectory(), "cloud-audit");
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
        // One line in the log and in the failure message, whatever the inventory put into the names.
        return SafeText.neutralize(String.format("%-8s %-30s %s%s%s: %s", finding.severity(), finding.ruleId(),
                finding.resourceId(), name, where, finding.message()));
    }
}
