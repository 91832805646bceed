package io.github.cloudaudit.report.browser;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens generated reports in headless Chromium and uses them as a reader would. A report in Norwegian must have no
 * English sentence left; what counts as English is derived from the English bundles (the report's words and the
 * rules' messages), not typed here: every fixed fragment of an English template that no Norwegian text shares must
 * be absent from the page.
 */
@Tag("browser")
class ReportBrowserTest {

    private static final Path REPORTS = Path.of("target", "browser-reports");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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

    private static Path write(String name, AuditReport report) throws IOException {
        Path directory = REPORTS.resolve(name);
        Files.createDirectories(directory);
        return new HtmlReporter().write(report, directory, ReportOptions.DEFAULTS).toAbsolutePath();
    }

    @Test
    void loadsWithoutErrorsAndWithoutAnyRequest() throws IOException {
        Path file = write("en", ReportFixtures.demo("en"));
        chromium.open(file, true);

        assertThat(chromium.pageErrors()).isEmpty();
        assertThat(chromium.requests()).allSatisfy(url ->
                assertThat(url).matches(u -> u.equals(file.toUri().toString()) || u.startsWith("data:"), "the report itself"));
    }

    @Test
    void showsTheCountsOfTheAudit() throws IOException {
        AuditReport report = ReportFixtures.demo("en");
        chromium.open(write("en", report), true);

        Map<Severity, Long> counts = report.result().countsBySeverity();
        for (Severity severity : Severity.values()) {
            String key = severity.name().toLowerCase(Locale.ROOT);
            assertThat(text("[data-count='" + key + "']")).as(key).isEqualTo(String.valueOf(counts.get(severity)));
        }
        long open = report.result().findings().stream().filter(f -> !f.suppressed()).count();
        assertThat(rows()).hasSize((int) open);
        assertThat(text("#findings-status")).isEqualTo("Showing 1–" + open + " of " + open + " matching findings");
        assertThat(text("#suppressed-count")).endsWith(" " + report.result().suppressedCount());
        assertThat(chromium.driver().findElements(By.cssSelector("#servers-list > details.server")))
                .hasSize(report.resources().size());
        assertThat(chromium.driver().findElements(By.cssSelector(".story"))).hasSize((int) report.result().findings()
                .stream().filter(f -> f.ruleId().equals(ReportFixtures.FORGOTTEN.id())).count());
        assertThat(text("#verdict .verdict-headline")).isEqualTo("Failed: " + report.result().failing().size()
                + " open findings at or above High need action");
    }

    @Test
    void filtersSearchesAndSortsFindings() throws IOException {
        AuditReport report = ReportFixtures.demo("en");
        chromium.open(write("en", report), true);
        List<Finding> open = report.result().findings().stream().filter(f -> !f.suppressed()).toList();

        select("#f-severity", "Critical");
        assertThat(rows()).hasSize((int) open.stream().filter(f -> f.severity() == Severity.CRITICAL).count())
                .allSatisfy(row -> assertThat(row.getAttribute("data-sev")).isEqualTo("critical"));

        select("#f-rule", "orphan-no-owner");
        assertThat(rows()).hasSize(1);
        reset();
        assertThat(rows()).hasSize(open.size());

        select("#f-suppressed", "Suppressed");
        assertThat(rows()).hasSize(1).first().satisfies(row -> {
            assertThat(row.getAttribute("class")).contains("is-suppressed");
            row.findElement(By.cssSelector("summary")).click();
            assertThat(row.getText()).contains("Migration to Azure SQL planned for Q1 (CHG-4411)", "2027-03-31");
        });
        select("#f-suppressed", "Open and suppressed");
        assertThat(rows()).hasSize(report.result().findings().size());
        reset();

        select("#f-provider", "Azure");
        assertThat(rows()).hasSize(1);
        reset();
        select("#f-account", "444455556666");
        select("#f-region", "eu-north-1");
        assertThat(rows()).hasSize(3);
        select("#f-owner", "no owner");
        assertThat(rows()).hasSize(2);
        reset();

        search("batch-worker");
        assertThat(rows()).hasSize(2).allSatisfy(row -> assertThat(row.getText()).contains("batch-worker-7"));
        search("3306 0.0.0.0/0");
        assertThat(rows()).extracting(row -> row.findElement(By.cssSelector("[data-slot=ruleId]")).getText())
                .containsExactlyInAnyOrder("risk-forgotten-database", "exposure-database-port-open");
        search("");
        waitFor(() -> rows().size() == open.size());

        chromium.driver().findElement(By.cssSelector("th[data-sort=resource] button")).click();
        List<String> ascending = resources();
        assertThat(ascending).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(chromium.driver().findElement(By.cssSelector("th[data-sort=resource]")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        chromium.driver().findElement(By.cssSelector("th[data-sort=resource] button")).click();
        assertThat(resources()).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
        chromium.driver().findElement(By.cssSelector("th[data-sort=severity] button")).click();
        assertThat(rows()).extracting(row -> Severity.valueOf(row.getAttribute("data-sev").toUpperCase(Locale.ROOT)))
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void theMinedServerOpensTheSpotlightAndTheServersViewMostAtRiskFirst() throws IOException {
        chromium.open(write("en", ReportFixtures.minedWeb("en")), true);

        List<WebElement> stories = chromium.driver().findElements(By.cssSelector(".story"));
        assertThat(stories).extracting(story -> story.findElement(By.cssSelector(".story-name")).getText())
                .containsExactly("web-01", "legacy-crm-db");
        assertThat(stories.get(0).findElement(By.cssSelector(".story-step dd")).getText())
                .startsWith("Treat it as a security incident now").contains("Datatilsynet", "72 hours");
        assertThat(stories.get(0).getText()).contains("52 of 100: Threat (threat-cryptomining)");
        assertThat(stories.get(1).findElement(By.cssSelector(".story-step dd")).getText()).startsWith("Name an owner today");
        assertThat(chromium.driver().findElements(By.cssSelector("#servers-list > details.server .server-name")))
                .extracting(WebElement::getText)
                .containsExactly("web-01", "legacy-crm-db", "erp-sql-2012", "billing-pg", "batch-worker-7");
        WebElement first = chromium.driver().findElement(By.cssSelector("#servers-list > details.server"));
        first.findElement(By.cssSelector("summary")).click();
        assertThat(first.findElement(By.cssSelector(".facts div")).getText()).containsIgnoringCase("Risk")
                .contains("52 of 100: Threat (threat-cryptomining)");
        assertThat(chromium.pageErrors()).isEmpty();
    }

    @Test
    void findsServersByTheirFacts() throws IOException {
        chromium.open(write("en", ReportFixtures.demo("en")), true);
        type("#s-search", "finance-it");
        waitFor(() -> chromium.driver().findElements(By.cssSelector("#servers-list > details.server")).size() == 1);
        WebElement card = chromium.driver().findElement(By.cssSelector("#servers-list > details.server"));
        card.findElement(By.cssSelector("summary")).click();
        assertThat(card.getText()).contains("erp-sql-2012", "Windows Server 2012 R2 (end of support 2023-10-10)",
                "SQL Server 2012", "confidential", "legacy-database-engine");
        assertThat(card.findElement(By.cssSelector(".server-findings .tag")).getText()).isEqualToIgnoringCase("Suppressed");
        chromium.driver().findElement(By.id("s-search")).clear();
        chromium.driver().findElement(By.id("s-with-findings")).click();
        waitFor(() -> chromium.driver().findElements(By.cssSelector("#servers-list > details.server")).size() == 4);
    }

    @Test
    void inventoryValuesRenderAsTextAndNeverRun() throws IOException {
        Path file = write("hostile", ReportFixtures.hostile("en"));
        chromium.open(file, true);
        // Make the script render the hostile values too: the server card and the finding rows come from the data.
        type("#s-search", "i-0a1b2c3d4e5f60001");
        waitFor(() -> chromium.driver().findElements(By.cssSelector("#servers-list > details.server")).size() == 1);
        chromium.driver().findElement(By.cssSelector("#servers-list > details.server summary")).click();
        search("i-0a1b2c3d4e5f60001");

        assertThat(chromium.script("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(chromium.alerts()).isEmpty();
        assertThat(chromium.script("return document.images.length")).isEqualTo(0L);
        assertThat(chromium.script("return document.scripts.length")).isEqualTo(2L);
        String text = chromium.driver().findElement(By.tagName("body")).getText();
        assertThat(text).contains(ReportFixtures.HOSTILE_NAME, ReportFixtures.HOSTILE_TAG);
        assertThat(chromium.pageErrors()).isEmpty();
        assertThat(chromium.requests()).allSatisfy(url ->
                assertThat(url).matches(u -> u.equals(file.toUri().toString()) || u.startsWith("data:"), "the report itself"));
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

    @Test
    void readsWithoutJavaScript() throws IOException {
        AuditReport report = ReportFixtures.demo("en");
        Path file = write("en", report);
        try (HeadlessChromium plain = HeadlessChromium.start(Files.createTempDirectory(profile, "no-js"), false)) {
            plain.open(file, false);
            assertThat(plain.driver().findElements(By.cssSelector("#findings-body > tr")))
                    .hasSize((int) report.result().findings().stream().filter(f -> !f.suppressed()).count());
            assertThat(plain.driver().findElement(By.cssSelector("#verdict .verdict-headline")).getText())
                    .startsWith("Failed: 8 open findings");
            assertThat(plain.driver().findElement(By.id("findings-filters")).isDisplayed()).isFalse();
            assertThat(plain.driver().findElements(By.cssSelector("#servers-list > details.server"))).hasSize(5);
            assertThat(plain.driver().findElement(By.tagName("body")).getAttribute("data-ready")).isNull();
        }
    }

    @Test
    void printsWithoutNavigationOrControls() throws IOException {
        chromium.open(write("en", ReportFixtures.demo("en")), true);
        chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(chromium.script("return getComputedStyle(document.querySelector('.masthead nav')).display")).isEqualTo("none");
            assertThat(chromium.script("return getComputedStyle(document.getElementById('findings-filters')).display")).isEqualTo("none");
            assertThat(chromium.script("return getComputedStyle(document.getElementById('verdict')).display")).isEqualTo("block");
            Map<String, Object> pdf = chromium.driver().executeCdpCommand("Page.printToPDF", Map.of("printBackground", true));
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("en-report.pdf"), Base64.getDecoder().decode((String) pdf.get("data")));
        } finally {
            chromium.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void screenshotsOfTheDemoReport() throws IOException {
        for (String language : List.of("en", "nb")) {
            chromium.open(write(language, ReportFixtures.demo(language)), true);
            chromium.driver().manage().window().setSize(new Dimension(1366, 1100));
            chromium.screenshot(SCREENSHOTS.resolve(language + "-1-summary.png"));
            scrollTo("#findings");
            chromium.driver().findElement(By.cssSelector("#findings-body tr summary")).click();
            chromium.screenshot(SCREENSHOTS.resolve(language + "-2-findings.png"));
            scrollTo("#servers");
            chromium.driver().findElement(By.cssSelector("#servers-list details.server summary")).click();
            chromium.screenshot(SCREENSHOTS.resolve(language + "-3-servers.png"));
            scrollTo("#charts");
            chromium.screenshot(SCREENSHOTS.resolve(language + "-4-charts.png"));
            chromium.driver().manage().window().setSize(new Dimension(1366, 900));
        }
        try (Stream<Path> shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png"))).hasSizeGreaterThanOrEqualTo(8);
        }
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

    private static String text(String css) {
        return chromium.driver().findElement(By.cssSelector(css)).getText();
    }

    private static List<WebElement> rows() {
        return chromium.driver().findElements(By.cssSelector("#findings-body > tr"));
    }

    private static List<String> resources() {
        return rows().stream().map(row -> {
            List<WebElement> name = row.findElements(By.cssSelector("[data-slot=resourceName]"));
            return name.isEmpty() ? row.findElement(By.cssSelector("[data-slot=resourceId]")).getText() : name.get(0).getText();
        }).toList();
    }

    /** Choosing an option fires change, and the table is redrawn before the call returns. */
    private static void select(String css, String visibleText) {
        new Select(chromium.driver().findElement(By.cssSelector(css))).selectByVisibleText(visibleText);
    }

    private static void reset() {
        chromium.driver().findElement(By.cssSelector("#findings-filters button[type=reset]")).click();
        waitFor(() -> "open".equals(chromium.script("return document.getElementById('f-suppressed').value"))
                && text("#findings-status").contains("of 11 "));
    }

    private static void search(String query) {
        type("#f-search", query);
    }

    private static void type(String css, String value) {
        WebElement field = chromium.driver().findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(value);
        // Change filters at once; then let the search that typing started (it waits for a pause) run and finish,
        // so it cannot redraw the list under the assertions that follow.
        chromium.script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field);
        sleep(400);
    }

    private static void waitFor(BooleanSupplier condition) {
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    private static void scrollTo(String css) {
        chromium.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
