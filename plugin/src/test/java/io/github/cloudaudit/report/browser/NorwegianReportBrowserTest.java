package io.github.cloudaudit.report.browser;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.html.HtmlReporter;
import io.github.cloudaudit.report.view.Messages;
import io.github.cloudaudit.report.view.TemplateSource;
import io.github.cloudaudit.rules.RuleTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports in Norwegian, read in headless Chromium: no English sentence is left. What counts as English is derived
 * from the English bundles (the report's words and the rules' messages), not typed here: every fixed fragment of an
 * English template that its Norwegian translation does not share must be absent from the page.
 */
@Tag("browser")
class NorwegianReportBrowserTest {

    private static final Path REPORTS = Path.of("target", "browser-reports");

    @TempDir
    static Path profile;

    private static HeadlessChromium chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(profile, true);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theBundledDemoInNorwegianHasNoEnglishSentenceLeft() throws IOException {
        AuditReport report = ReportFixtures.bundledDemo("nb");
        String visible = withoutInventoryText(openAll(write("nb-demo", report)), report);

        assertThat(englishLeftovers(visible)).isEmpty();
        assertThat(visible).contains("Ikke bestått", "Servere som må tas først", "rapporterer utvinning av kryptovaluta",
                "for 7 år og");
    }

    @Test
    void theCheckCatchesAnEnglishSentenceInjectedIntoTheNorwegianDemo() throws IOException {
        AuditReport report = ReportFixtures.bundledDemo("nb");
        openAll(write("nb-demo-injected", report));
        Finding mined = report.result().findings().stream().filter(f -> f.ruleId().equals("threat-cryptomining"))
                .findFirst().orElseThrow();
        chromium.script("var p = document.createElement('p'); p.textContent = arguments[0];"
                + "document.querySelector('main').appendChild(p);", RuleTexts.message("en", mined));
        String visible = withoutInventoryText(chromium.driver().findElement(By.tagName("body")).getText(), report);

        assertThat(englishLeftovers(visible)).anySatisfy(leftover ->
                assertThat(leftover).startsWith("threat-cryptomining.message"));
    }

    @Test
    void theHandMadeDemoInNorwegianHasNoEnglishLeftovers() throws IOException {
        AuditReport report = ReportFixtures.demo("nb");
        String body = openAll(write("nb", report));
        assertThat(report.rules()).filteredOn(rule -> !RuleTexts.in("nb", rule).title().equals(rule.title()))
                .isNotEmpty().allSatisfy(rule -> assertThat(body).doesNotContain(rule.title(), rule.remediation()));
        // The hand-made findings and profiles carry English texts only, as a rule from elsewhere would.
        List<String> english = new ArrayList<>();
        report.result().findings().forEach(f -> {
            english.add(f.message());
            english.addAll(f.evidence());
        });
        report.resources().forEach(p -> english.addAll(p.databaseEvidence()));
        String visible = withoutInventoryText(without(body, english), report);

        assertThat(englishLeftovers(visible)).isEmpty();
        assertThat(visible).contains("Servere som må tas først", "Ikke bestått");
    }

    private static Path write(String name, AuditReport report) throws IOException {
        Path directory = REPORTS.resolve(name);
        Files.createDirectories(directory);
        return new HtmlReporter().write(report, directory, ReportOptions.DEFAULTS).toAbsolutePath();
    }

    /** The page's text with every folded part unfolded, as a reader who opens everything sees it. */
    private static String openAll(Path file) {
        chromium.open(file, true);
        chromium.script("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        return chromium.driver().findElement(By.tagName("body")).getText();
    }

    /**
     * Each English fragment, with the key it comes from, that the page still shows: the fixed words of every English
     * template in the report's and the rules' bundles that the Norwegian translation of the same key does not share.
     */
    private static List<String> englishLeftovers(String visible) {
        List<String> leftovers = new ArrayList<>();
        Map<String, String> reportEnglish = Messages.load(TemplateSource.builtIn(), "en").all();
        Map<String, String> reportNorwegian = Messages.load(TemplateSource.builtIn(), "nb").all();
        Properties rulesEnglish = RuleTexts.bundle("en");
        Properties rulesNorwegian = RuleTexts.bundle("nb");
        // Words Norwegian text itself uses (region, port, image, product names such as Defender for Servers) are
        // no leftover wherever they appear.
        String norwegian = String.join("\n", reportNorwegian.values()) + "\n"
                + String.join("\n", rulesNorwegian.stringPropertyNames().stream().map(rulesNorwegian::getProperty)
                .toList());
        reportEnglish.forEach((key, value) -> find(key, value, norwegian, visible, leftovers));
        rulesEnglish.stringPropertyNames().stream().sorted().forEach(key -> find(key, rulesEnglish.getProperty(key),
                norwegian, visible, leftovers));
        return leftovers;
    }

    private static void find(String key, String english, String norwegian, String visible, List<String> leftovers) {
        fragments(english).filter(fragment -> !word(fragment).matcher(norwegian).find())
                .forEach(fragment -> {
                    Matcher found = word(fragment).matcher(visible);
                    if (found.find()) {
                        leftovers.add(key + ": '" + fragment + "' in '" + visible.substring(Math.max(0,
                                found.start() - 40), Math.min(visible.length(), found.end() + 40))
                                .replace('\n', ' ') + "'");
                    }
                });
    }

    private static Pattern word(String fragment) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(fragment) + "(?![\\p{L}])");
    }

    /** English fragments of a template worth looking for: the words between placeholders, four letters or more. */
    private static Stream<String> fragments(String pattern) {
        String withoutChoices = pattern.replaceAll("\\{\\d+,choice,[^}]*}", " ").replaceAll("\\{[^}]*}", "\u0000");
        return Stream.of(withoutChoices.split("\u0000"))
                .map(f -> f.replaceAll("^[\\s\\p{Punct}–—]+|[\\s\\p{Punct}–—]+$", ""))
                .filter(f -> f.codePoints().filter(Character::isLetter).count() >= 4);
    }

    /**
     * The page text without what came from the inventory, the rules' ids and references, which are no words of the
     * report's: names, ids, tags, images, product names and the providers' API names stay as they are in any language.
     */
    private static String withoutInventoryText(String text, AuditReport report) {
        List<String> data = new ArrayList<>();
        for (Server server : report.inventory().servers()) {
            data.addAll(Stream.of(server.id(), server.name(), server.account(), server.region(), server.type(),
                    server.image(), server.os() == null ? null : server.os().description()).filter(Objects::nonNull)
                    .toList());
            server.tags().forEach((key, value) -> data.addAll(List.of(key, value)));
            data.addAll(server.networkIds());
            server.ingress().forEach(rule -> data.addAll(Stream.of(rule.source(), rule.via()).filter(Objects::nonNull)
                    .toList()));
        }
        report.resources().forEach(p -> data.addAll(Stream.of(p.osLabel(), p.engineLabel(), p.owner(),
                p.classification()).filter(Objects::nonNull).toList()));
        report.inventory().threats().forEach(t -> data.addAll(List.of(t.service(), t.type())));
        report.inventory().gaps().forEach(g -> data.addAll(Stream.of(g.what(), g.reason()).filter(Objects::nonNull)
                .toList()));
        report.inventory().sources().forEach(s -> data.addAll(Stream.of(s.path(), s.format()).filter(Objects::nonNull)
                .toList()));
        for (Finding finding : report.result().findings()) {
            data.addAll(Stream.of(finding.resourceId(), finding.resourceName()).filter(Objects::nonNull).toList());
            if (finding.suppression() != null) {
                data.add(finding.suppression().justification());
            }
        }
        for (RuleMetadata rule : report.rules()) {
            data.add(rule.id());
            data.addAll(rule.references());
            RuleMetadata told = RuleTexts.in(report.metadata().locale(), rule);
            if (told.equals(rule)) {
                // A rule from elsewhere, which the bundles do not know, keeps its own English texts.
                data.addAll(List.of(rule.title(), rule.rationale(), rule.remediation()));
            }
        }
        report.result().expired().forEach(s -> data.add(s.justification()));
        return without(text, data);
    }

    private static String without(String text, List<String> values) {
        String remaining = text;
        for (String value : values.stream().filter(v -> !v.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            remaining = remaining.replace(value, " ");
        }
        return remaining;
    }
}
