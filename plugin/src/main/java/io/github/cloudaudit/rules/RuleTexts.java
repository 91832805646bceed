package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.RuleMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rule's title, rationale and remediation in the report's language, from {@code rules_<language>.properties}
 * (UTF-8) next to the rules. English is the rules' own metadata; a language without a bundle, or a rule the bundle
 * does not cover (a rule from elsewhere), keeps its English texts.
 */
public final class RuleTexts {

    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private RuleTexts() {
    }

    public static RuleMetadata in(String language, RuleMetadata rule) {
        Properties bundle = BUNDLES.computeIfAbsent(language, RuleTexts::load);
        return new RuleMetadata(rule.id(), bundle.getProperty(rule.id() + ".title", rule.title()), rule.category(),
                rule.severity(), bundle.getProperty(rule.id() + ".rationale", rule.rationale()),
                bundle.getProperty(rule.id() + ".remediation", rule.remediation()), rule.references());
    }

    private static Properties load(String language) {
        Properties bundle = new Properties();
        try (InputStream in = RuleTexts.class.getResourceAsStream("rules_" + language + ".properties")) {
            if (in != null) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in rule texts of '" + language + "' cannot be read", e);
        }
        return bundle;
    }
}
