package io.github.cloudaudit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.util.HtmlEscaper;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.view.ReportViewBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReporterTest {

    @TempDir
    Path output;

    private String render(AuditReport report) throws IOException {
        return Files.readString(new HtmlReporter().write(report, output, ReportOptions.DEFAULTS), StandardCharsets.UTF_8);
    }

    @Test
    void writesOneFileWithEveryFindingInItsData() throws IOException {
        Path file = new HtmlReporter().write(ReportFixtures.demo("en"), output);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(file.getFileName().toString()).isEqualTo("report.html");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<h2 id=\"summary-title\">Summary</h2>");
        JsonNode data = data(html);
        assertThat(data.path("items").path("findings")).hasSize(12);
        assertThat(data.path("items").path("servers")).hasSize(5);
        assertThat(data.path("labels").path("severity").get(0).asText()).isEqualTo("Critical");
        assertThat(count(html, "<tr data-sev=")).as("rows rendered without script").isEqualTo(11 + 1);
    }

    @Test
    void policyAllowsOnlyTheInlineStyleAndScriptAndLoadsNothing() throws IOException {
        String html = render(ReportFixtures.demo("en"));

        String policy = group(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
        String style = group(html, "<style>(.*?)</style>");
        String script = group(html, "\\n<script>(.*?)</script>");
        assertThat(policy).isEqualTo(escaped("default-src 'none'; style-src "
                + ContentSecurityPolicy.hash(style) + "; script-src " + ContentSecurityPolicy.hash(script)
                + "; img-src data:; base-uri 'none'; form-action 'none'"));
        assertThat(html).doesNotContainPattern("(?i)\\ssrc\\s*=").doesNotContainPattern("(?i)<link(?![^>]*href=\"data:)")
                .doesNotContainPattern("(?i)url\\(|@import|https?://(?![^\"<]*\\.invalid)");
        assertThat(html).doesNotContainPattern("\\sstyle=\"");
    }

    @Test
    void inventoryValuesAreEscapedEverywhere() throws IOException {
        String html = render(ReportFixtures.hostile("en"));

        assertThat(html).doesNotContain(ReportFixtures.HOSTILE_NAME, ReportFixtures.HOSTILE_TAG)
                .contains(escaped(ReportFixtures.HOSTILE_NAME), escaped(ReportFixtures.HOSTILE_TAG))
                .contains("&lt;/script&gt;&lt;script&gt;window.pwned&#61;1&lt;/script&gt;");
        assertThat(count(html.toLowerCase(), "</script")).as("only the two script elements end").isEqualTo(2);
        assertThat(data(html).path("strings").toString()).contains("window.pwned=1");
        JsonNode strings = data(html).path("strings");
        boolean found = false;
        for (JsonNode value : strings) {
            found |= value.asText().equals(ReportFixtures.HOSTILE_TAG);
        }
        assertThat(found).as("the hostile tag survives as data").isTrue();
    }

    @Test
    void rendersOnlyTheFirstRowsAsMarkup() throws IOException {
        HtmlReporter reporter = new HtmlReporter(new ReportViewBuilder.Limits(3, 2, 500, 10, 25));
        String html = Files.readString(reporter.write(ReportFixtures.demo("en"), output, ReportOptions.DEFAULTS));

        assertThat(count(html, "<tr data-sev=")).isEqualTo(3 + 1);
        assertThat(count(html, "<details class=\"server\"")).isEqualTo(2 + 1);
        assertThat(html).contains("This table shows the first 3 of 11 open findings.");
        assertThat(data(html).path("items").path("findings")).hasSize(12);
    }

    @Test
    void theCoverageSectionListsUnknownsOncePerScopeAndSaysTheMiningSignatureWasNotChecked() throws IOException {
        String html = render(ReportFixtures.unknowns("en", "eu-north-1", "eu-north-1"));

        assertThat(html).contains("<table class=\"simple\" id=\"coverage-unknowns\">",
                "<td>AWS account 111122223333, region eu-north-1</td><td>2 servers: could not check "
                        + "\u201cNo alarm watches the server&#39;s CPU\u201d</td><td><code>aws cloudwatch describe-alarms</code></td>",
                "id=\"mining-unchecked\">No CPU statistics were provided for any server");
        assertThat(count(html, "could not check \u201cNo alarm watches the server&#39;s CPU\u201d")).isEqualTo(1);
        assertThat(render(ReportFixtures.demo("en"))).doesNotContain("mining-unchecked", "coverage-unknowns");
    }

    @Test
    void showsNewExistingAndFixedApartAndTheUnusedSuppressionsAndConfiguration() throws IOException {
        AuditReport report = ReportFixtures.baselined("en");
        String html = render(report);

        long fresh = report.result().newFindings().size();
        assertThat(html).contains("<p class=\"status\" id=\"baseline-counts\">" + fresh + " new, 2 existing, 1 fixed</p>");
        assertThat(section(html, "baseline-existing").split("<li>")).hasSize(3);
        assertThat(section(html, "baseline-new").split("<li>")).hasSize((int) fresh + 1);
        assertThat(section(html, "baseline-fixed")).contains("i-0gone");
        assertThat(section(html, "unused-suppressions")).contains("nothing-*", "suppression #3");
        assertThat(render(ReportFixtures.demo("en"))).doesNotContain("baseline-counts", "unused-suppressions");
    }

    /** The markup of the list with this id. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</ul>", start));
    }

    @Test
    void writesNorwegian() throws IOException {
        String html = render(ReportFixtures.demo("nb"));
        assertThat(html).contains("<html lang=\"nb\">", "Servere som må tas først", "Ikke bestått", "Kritisk");
    }

    @Test
    void templatesAndAssetsInTheTemplateDirectoryReplaceTheBuiltInOnes(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("about.mustache"), "<section id=\"about\"><h2>{{msg.about.title}}</h2>"
                + "<p class=\"board\">{{about.inputs.size}}</p></section>");
        Files.writeString(templates.resolve("report.css"), "body { font-family: serif; }");
        Files.writeString(templates.resolve("messages_en.properties"), "about.title=About this board pack\n");

        String html = Files.readString(new HtmlReporter().write(ReportFixtures.demo("en"), output,
                new ReportOptions(templates)));

        assertThat(html).contains("<h2>About this board pack</h2><p class=\"board\">2</p>")
                .contains("<style>body { font-family: serif; }</style>")
                .contains(escaped(ContentSecurityPolicy.hash("body { font-family: serif; }")))
                .contains("Servers to deal with first");
    }

    @Test
    void anAssetThatWouldEndItsOwnElementIsRefused(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("report.js"), "console.log('</SCRIPT>');");
        assertThatThrownBy(() -> new HtmlReporter().write(ReportFixtures.demo("en"), output, new ReportOptions(templates)))
                .hasMessage("report.js must not contain '</script': it is inlined in the report");
    }

    @Test
    void aMissingTemplateDirectoryIsNamed() {
        Path missing = output.resolve("no-such-folder");
        assertThatThrownBy(() -> new HtmlReporter().write(ReportFixtures.demo("en"), output, new ReportOptions(missing)))
                .hasMessage("template directory not found: " + missing);
    }

    /** A value as the templates escape it. */
    private static String escaped(String value) {
        StringWriter out = new StringWriter();
        HtmlEscaper.escape(value, out);
        return out.toString();
    }

    static JsonNode data(String html) throws IOException {
        return new ObjectMapper().readTree(group(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>"));
    }

    private static String group(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
