package io.github.cloudaudit.mojo;

import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditReportMojoTest {

    @TempDir
    Path work;

    private AuditReportMojo mojo(Path inventory) {
        AuditReportMojo mojo = new AuditReportMojo();
        MojoFields.set(mojo, "inventory", List.of(inventory.toFile()));
        MojoFields.set(mojo, "auditDate", "2026-11-23");
        MojoFields.set(mojo, "failOnSeverity", "HIGH");
        MojoFields.set(mojo, "requiredTags", List.of("owner"));
        MojoFields.set(mojo, "maxServerAgeDays", 1095);
        MojoFields.set(mojo, "stoppedDaysThreshold", 30);
        MojoFields.set(mojo, "databaseTags", List.of("role=database"));
        mojo.setReportOutputDirectory(work.resolve("site").toFile());
        return mojo;
    }

    private Path inventoryWithoutServers() throws IOException {
        Path inventory = Files.createDirectories(work.resolve("inventory"));
        Files.writeString(inventory.resolve("README.md"), "# not an inventory\n");
        return inventory;
    }

    @Test
    void writesTheSelfContainedReportIntoTheSite() throws Exception {
        AuditReportMojo mojo = mojo(inventoryWithoutServers());
        mojo.executeReport(Locale.ENGLISH);

        Path report = work.resolve("site").resolve(AuditReportMojo.OUTPUT_NAME + ".html");
        assertThat(report).isRegularFile();
        assertThat(Files.readString(report)).contains("<html lang=\"en\">", "README.md");
        assertThat(mojo.isExternalReport()).isTrue();
        assertThat(mojo.getName(Locale.ENGLISH)).isEqualTo("Cloud audit");
    }

    @Test
    void speaksNorwegianOnANorwegianSiteUnlessToldOtherwise() throws Exception {
        AuditReportMojo mojo = mojo(inventoryWithoutServers());
        assertThat(mojo.language(Locale.forLanguageTag("nb-NO"))).isEqualTo("nb");
        assertThat(mojo.language(Locale.forLanguageTag("no"))).isEqualTo("nb");
        assertThat(mojo.language(Locale.GERMAN)).isEqualTo("en");
        assertThat(mojo.getName(Locale.forLanguageTag("nb"))).isEqualTo("Skyrevisjon");
        mojo.executeReport(Locale.forLanguageTag("nb"));
        assertThat(Files.readString(work.resolve("site/cloud-audit/report.html"))).contains("<html lang=\"nb\">");

        MojoFields.set(mojo, "locale", "en");
        mojo.executeReport(Locale.forLanguageTag("nb"));
        assertThat(Files.readString(work.resolve("site/cloud-audit/report.html"))).as("the pom's locale wins")
                .contains("<html lang=\"en\">");
    }

    @Test
    void appliesTheTemplateDirectory() throws Exception {
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.writeString(templates.resolve("messages_en.properties"), "report.title=Site audit\n");
        AuditReportMojo mojo = mojo(inventoryWithoutServers());
        MojoFields.set(mojo, "templateDirectory", templates.toFile());

        mojo.executeReport(Locale.ENGLISH);

        assertThat(Files.readString(work.resolve("site/cloud-audit/report.html"))).contains("<h1>Site audit</h1>");
    }

    @Test
    void badInputIsAReportErrorNamingIt() {
        AuditReportMojo mojo = mojo(work.resolve("missing"));
        assertThatThrownBy(() -> mojo.executeReport(Locale.ENGLISH)).isInstanceOf(MavenReportException.class)
                .hasMessageContaining(work.resolve("missing").toString()).hasMessageContaining("no such file or folder");

        MojoFields.set(mojo, "templateDirectory", new File(work.toFile(), "no-templates"));
        MojoFields.set(mojo, "inventory", List.of(work.toFile()));
        assertThatThrownBy(() -> mojo.executeReport(Locale.ENGLISH)).isInstanceOf(MavenReportException.class)
                .hasMessage("templateDirectory: folder not found: " + work.resolve("no-templates"));
    }

    @Test
    void canBeLeftOutOfTheSite() {
        AuditReportMojo mojo = new AuditReportMojo();
        assertThat(mojo.canGenerateReport()).isTrue();
        MojoFields.set(mojo, "skip", true);
        assertThat(mojo.canGenerateReport()).isFalse();
    }
}
