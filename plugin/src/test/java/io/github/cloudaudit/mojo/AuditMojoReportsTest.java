package io.github.cloudaudit.mojo;

import io.github.cloudaudit.report.view.TemplateSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditMojoReportsTest {

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
