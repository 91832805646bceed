package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.text.SafeText;
import io.github.cloudaudit.text.TextArg;
import io.github.cloudaudit.text.TextBundles;

import java.util.List;
import java.util.Properties;

/**
 * A rule's title, rationale and remediation, and its findings' messages and evidence, in the report's language, from
 * {@code rules_<language>.properties} (UTF-8) next to the rules. English titles, rationale and remediation are the
 * rules' own metadata; a language without a bundle, or a rule the bundle does not cover (a rule from elsewhere),
 * keeps its English texts. The templates of messages and evidence are in {@code rules_en.properties}, which every
 * other language's bundle translates key by key ({@code RuleBundlesTest} checks it).
 */
public final class RuleTexts {

    private RuleTexts() {
    }

    public static RuleMetadata in(String language, RuleMetadata rule) {
        Properties bundle = bundle(language);
        return new RuleMetadata(rule.id(), bundle.getProperty(rule.id() + ".title", rule.title()), rule.category(),
                rule.severity(), bundle.getProperty(rule.id() + ".rationale", rule.rationale()),
                bundle.getProperty(rule.id() + ".remediation", rule.remediation()), rule.references());
    }

    /** A finding's message in a language; a finding told in English only keeps its English message. */
    public static String message(String language, Finding finding) {
        return finding.texts() == null ? finding.message()
                : SafeText.cap(render(language, finding.texts().message()), SafeText.MAX_LENGTH);
    }

    /** A finding's resource name in a language: only a name the audit made up in words has another. */
    public static String resourceName(String language, Finding finding) {
        return finding.texts() == null || finding.texts().name() == null ? finding.resourceName()
                : SafeText.cap(render(language, finding.texts().name()), SafeText.MAX_LENGTH);
    }

    /** A finding's evidence in a language, line by line. */
    public static List<String> evidence(String language, Finding finding) {
        return finding.texts() == null ? finding.evidence() : finding.texts().evidence().stream()
                .map(line -> SafeText.cap(render(language, line), SafeText.MAX_LENGTH)).toList();
    }

    /** A text, or a phrase such as a count or a list, in a language (see {@link TextBundles#render}). */
    public static String render(String language, TextArg text) {
        return TextBundles.render(language, text);
    }

    /** The built-in bundle of a language, empty for a language without one. */
    public static Properties bundle(String language) {
        return TextBundles.bundle(language);
    }
}
