package io.github.cloudaudit.mojo;

import io.github.cloudaudit.report.view.TemplateSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditMojoReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void writesEverySelectedFormatWithTheTemplateDirectoryApplied() throws Exception {
        Path inventory = Files.createDirectories(work.resolve("inventory"));
        Files.writeString(inventory.resolve("notes.txt"), "not an inventory\n");
        Files.writeString(inventory.resolve("servers.json"), "{\"schemaVersion\": 1, \"servers\": []}");
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.writeString(templates.resolve("report.css"), "body { color: #000; }");
        Files.writeString(templates.resolve("messages_en.properties"), "report.title=Quarterly database audit\n");
        Path output = work.resolve("out");

        AuditMojo mojo = configured(inventory, output);
        MojoFields.set(mojo, "templateDirectory", templates.toFile());
        mojo.execute();

        assertThat(Files.readString(output.resolve("report.html"))).contains("<style>body { color: #000; }</style>",
                "<h1>Quarterly database audit</h1>");
        assertThat(Files.readString(output.resolve("summary.md"))).startsWith("## Quarterly database audit: ");
        assertThat(output.resolve("junit.xml")).isRegularFile();
    }

    @Test
    void aTemplateThatLinksOutOfTheTemplateDirectoryIsRefused() throws Exception {
        Path inventory = Files.createDirectories(work.resolve("inventory"));
        Files.writeString(inventory.resolve("servers.json"), "{\"schemaVersion\": 1, \"servers\": []}");
        Path secret = Files.writeString(work.resolve("secret.txt"), "root:x:0:0:do-not-publish");
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.createSymbolicLink(templates.resolve("about.mustache"), secret);
        Path output = work.resolve("out");

        AuditMojo mojo = configured(inventory, output);
        MojoFields.set(mojo, "templateDirectory", templates.toFile());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("about.mustache").hasMessageContaining("lead out of the folder through links");
        assertThat(output.resolve("report.html")).doesNotExist();
    }

    @Test
    void aTemplateSourceRefusesALinkOutEvenWhenAskedDirectly() throws IOException {
        Path secret = Files.writeString(work.resolve("secret.txt"), "do-not-publish");
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.createSymbolicLink(templates.resolve("about.mustache"), secret);
        Files.writeString(templates.resolve("report.css"), "body {}");

        TemplateSource source = TemplateSource.withOverrides(templates);

        assertThat(source.overridden("report.css")).contains("body {}");
        assertThatThrownBy(() -> source.overridden("about.mustache")).hasRootCauseMessage(
                "it is a link leading out of the template directory; templates are read from that directory only");
    }

    @Test
    void cappedOutputsSayWhatTheyLeftOutWhileTheVerdictCountsEveryFinding() throws Exception {
        Path output = work.resolve("out");
        AuditMojo mojo = configured(Path.of("src/test/resources/inventories/aws-cli").toAbsolutePath(), output);
        MojoFields.set(mojo, "formats", List.of("json", "sarif", "junit"));
        MojoFields.set(mojo, "sarifMaxResults", 1);
        MojoFields.set(mojo, "junitMaxTestCases", 1);
        List<String> log = new ArrayList<>();
        mojo.setLog(new CapturingLog(log));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        JsonNode findings = JSON.readTree(output.resolve("findings.json").toFile());
        int total = findings.get("findings").size();
        assertThat(total).isGreaterThan(2);
        JsonNode run = JSON.readTree(output.resolve("findings.sarif").toFile()).at("/runs/0");
        assertThat(run.get("results")).hasSize(1);
        assertThat(run.at("/properties/resultsLeftOut").asInt()).isEqualTo(total - 1);
        assertThat(run.at("/properties/verdict").asText()).isEqualTo("fail");
        assertThat(log).contains(String.format(Locale.ROOT, "findings.sarif holds the 1 most severe and most at risk "
                + "of %,d findings (sarifMaxResults); %,d were left out. findings.json has them all.", total, total - 1));
        assertThat(log).anyMatch(line -> line.startsWith("junit.xml lists the 1 most severe of "));
        assertThat(log).anyMatch(line -> line.matches("Wrote findings\\.sarif \\([0-9.]+ MB\\) in .*"));
    }

    @Test
    void aCapBelowItsMinimumIsRefusedNamingTheProperty() {
        AuditMojo mojo = configured(work.resolve("inventory"), work.resolve("out"));
        MojoFields.set(mojo, "markdownMaxBytes", 100);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("cloudaudit.markdownMaxBytes: must be at least 4096, found 100");
    }

    /** An audit mojo as a project would configure it, writing HTML, Markdown and JUnit. */
    static AuditMojo configured(Path inventory, Path output) {
        AuditMojo mojo = new AuditMojo();
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setVersion("0.1.0-TEST");
        MojoFields.set(mojo, "plugin", plugin);
        MojoFields.set(mojo, "inventory", List.of(inventory.toFile()));
        MojoFields.set(mojo, "auditDate", "2026-11-23");
        MojoFields.set(mojo, "failOnSeverity", "HIGH");
        MojoFields.set(mojo, "outputDirectory", output.toFile());
        MojoFields.set(mojo, "formats", List.of("html", "markdown", "junit"));
        MojoFields.set(mojo, "requiredTags", List.of("owner"));
        MojoFields.set(mojo, "maxServerAgeDays", 1095);
        MojoFields.set(mojo, "stoppedDaysThreshold", 30);
        MojoFields.set(mojo, "databaseTags", List.of("role=database"));
        MojoFields.set(mojo, "locale", "en");
        return mojo;
    }
}
