package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule catalogue in the README and docs/rules.md is generated from the rules' metadata. This test fails when
 * they drift apart; {@code -Dcloudaudit.updateDocs=true} rewrites them.
 */
class RuleCatalogueTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String START = "<!-- rules:start (generated from the rules' metadata by RuleCatalogueTest; do not edit by hand) -->";
    private static final String END = "<!-- rules:end -->";
    private static final String HINT = "run: ./mvnw -pl report-templates,plugin test -Dtest=RuleCatalogueTest -Dcloudaudit.updateDocs=true";

    private final List<Rule> builtIn = RuleEngine.withBuiltInRules().rules();
    private final List<RuleMetadata> rules = builtIn.stream().map(Rule::metadata).toList();

    @Test
    void everyRuleOfTheCatalogueIsBuiltIn() {
        assertThat(rules).extracting(RuleMetadata::id).containsExactlyInAnyOrder(
                "legacy-os", "legacy-db-engine", "legacy-instance-generation", "stale-server",
                "orphan-no-owner", "orphan-decommissioned", "orphan-stopped",
                "monitoring-no-cpu-alarm", "monitoring-basic-only", "monitoring-no-agent",
                "monitoring-no-threat-detection", "monitoring-no-flow-logs", "monitoring-no-audit-trail",
                "db-exposed", "cpu-sustained-high", "risk-forgotten-database", "audit-incomplete",
                "threat-cryptomining");
    }

    @Test
    void everyRuleExplainsItselfAndNamesItsPeers() {
        Set<String> ids = new HashSet<>();
        for (RuleMetadata rule : rules) {
            assertThat(ids.add(rule.id())).as("duplicate id %s", rule.id()).isTrue();
            assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
            assertThat(rule.title()).as(rule.id()).isNotBlank();
            assertThat(rule.rationale()).as(rule.id()).hasSizeGreaterThan(40);
            assertThat(rule.remediation()).as(rule.id()).hasSizeGreaterThan(40);
            assertThat(rule.category()).as(rule.id()).isNotNull();
            assertThat(rule.severity()).as(rule.id()).isNotNull();
            if (!rule.id().equals("audit-incomplete") && !rule.id().equals("risk-forgotten-database")) {
                assertThat(rule.references()).as(rule.id() + " references").isNotEmpty();
            }
        }
    }

    @Test
    void readmeCatalogueIsUpToDate() throws IOException {
        Path readme = ROOT.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertThat(start).as("README.md lacks the rules:start marker").isNotNegative();
        String expected = text.substring(0, start + START.length()) + "\n" + summaryTable() + text.substring(end);
        if (Boolean.getBoolean("cloudaudit.updateDocs")) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
            text = expected;
        }
        assertThat(text).as("README.md's rule catalogue is out of date; " + HINT).isEqualTo(expected);
    }

    @Test
    void docsCatalogueIsUpToDate() throws IOException {
        Path docs = ROOT.resolve("docs/rules.md");
        String expected = detailedCatalogue();
        if (Boolean.getBoolean("cloudaudit.updateDocs")) {
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, expected, StandardCharsets.UTF_8);
        }
        assertThat(docs).as("docs/rules.md is missing; " + HINT).exists();
        assertThat(Files.readString(docs, StandardCharsets.UTF_8)).as("docs/rules.md is out of date; " + HINT)
                .isEqualTo(expected);
    }

    private String summaryTable() {
        StringBuilder table = new StringBuilder();
        table.append("| id | severity | category | what it finds |\n|---|---|---|---|\n");
        for (RuleMetadata rule : rules) {
            table.append("| [`").append(rule.id()).append("`](docs/rules.md#").append(rule.id()).append(") | ")
                    .append(rule.severity()).append(" | ").append(rule.category().name().toLowerCase()).append(" | ")
                    .append(cell(rule.title())).append(" |\n");
        }
        return table.toString();
    }

    private String detailedCatalogue() {
        StringBuilder doc = new StringBuilder("# Rule catalogue\n\n")
                .append("Generated from the rules' metadata by `RuleCatalogueTest`; do not edit by hand.\n")
                .append("Severities are base severities: legacy, orphan and monitoring findings are raised one step on a ")
                .append("server that hosts a database and one more when its data is classified as sensitive; a monitoring ")
                .append("finding stops at HIGH. A finding that cannot be verified for lack of data is INFO, with ")
                .append("`verified: false` and the input that would settle it.\n");
        for (Rule each : builtIn) {
            RuleMetadata rule = each.metadata();
            doc.append("\n## ").append(rule.id()).append("\n\n")
                    .append("**").append(rule.title()).append("**  \n")
                    .append("Severity: ").append(rule.severity()).append(" · Category: ")
                    .append(rule.category().name().toLowerCase()).append("\n\n")
                    .append("Why it matters: ").append(rule.rationale()).append("\n\n")
                    .append("What to do: ").append(rule.remediation()).append("\n");
            if (!each.settings().isEmpty()) {
                doc.append("\nSettings (under `rules: ").append(rule.id()).append(":` in cloud-audit.yml):\n\n")
                        .append(each.settings().stream().map(RuleCatalogueTest::settingLine)
                                .collect(Collectors.joining("\n")))
                        .append("\n");
            }
            if (!rule.references().isEmpty()) {
                doc.append("\nEquivalent checks and references:\n\n")
                        .append(rule.references().stream().map(r -> "- " + r).collect(Collectors.joining("\n")))
                        .append("\n");
            }
        }
        return doc.toString();
    }

    private static String settingLine(Setting<?> setting) {
        Object value = setting.defaultValue();
        String shown = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return "- `" + setting.key() + "` (default `" + shown + "`): " + setting.description();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
