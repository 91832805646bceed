package io.github.cloudaudit.report.view;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules every built-in template keeps: words come from the bundles, values are escaped. */
class TemplateLintTest {

    /** The only values a template may insert unescaped: inline assets and the script-safe data block. */
    private static final Set<String> RAW_ALLOWED = Set.of("css", "script", "scriptSafeData");

    @Test
    void templatesInsertOnlyTheirOwnAssetsUnescaped() throws Exception {
        for (Path template : templates()) {
            Matcher raw = Pattern.compile("\\{\\{\\{\\s*([^}\\s]+)\\s*}}}|\\{\\{&\\s*([^}\\s]+)\\s*}}").matcher(Files.readString(template));
            while (raw.find()) {
                String name = raw.group(1) != null ? raw.group(1) : raw.group(2);
                assertThat(RAW_ALLOWED).as(template.getFileName() + " inserts " + name + " unescaped").contains(name);
            }
        }
    }

    @Test
    void templatesHoldNoWordsOfTheirOwn() throws Exception {
        for (Path template : templates()) {
            if (template.getFileName().toString().endsWith(".md.mustache")) {
                continue;
            }
            String text = Files.readString(template)
                    .replaceAll("(?s)\\{\\{.*?}}", " ")
                    .replaceAll("(?s)<!--.*?-->", " ")
                    .replaceAll("(?s)<[^>]*>", " ")
                    .replaceAll("&[a-z]+;", " ");
            assertThat(text).as(template.getFileName() + " has text outside the message bundles").doesNotContainPattern("\\p{L}");
        }
    }

    @Test
    void theMarkdownTemplateHoldsNoWordsOfItsOwn() throws Exception {
        String text = Files.readString(folder().resolve("summary.md.mustache")).replaceAll("(?s)\\{\\{.*?}}", " ");
        assertThat(text).doesNotContainPattern("\\p{L}");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".mustache")).sorted().toList();
            assertThat(templates).hasSizeGreaterThan(5);
            return templates;
        }
    }

    /** The templates' sources; tests run in the plugin module, next to report-templates. */
    private static Path folder() {
        return Path.of("..", "report-templates", "src", "main", "resources", TemplateSource.BUILT_IN_FOLDER);
    }
}
