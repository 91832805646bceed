package io.github.cloudaudit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.findings.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which resources something applies to: providers, accounts (or subscriptions), regions and tags, each a list of
 * values or globs ({@code *}, {@code ?}, compared case-insensitively). An empty list or map does not narrow; a
 * field that narrows never matches a finding that lacks the fact (an account-wide finding has no region or tags).
 */
public record ResourceScope(List<String> providers, List<String> accounts, List<String> regions,
                            Map<String, String> tags) {

    public static final ResourceScope EVERYWHERE = new ResourceScope(List.of(), List.of(), List.of(), Map.of());

    public ResourceScope {
        providers = List.copyOf(providers);
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        tags = Map.copyOf(tags);
    }

    /**
     * The scope written in YAML on an entry: {@code provider}, {@code account} and {@code region} each a value or a
     * list, {@code tags} a map; absent fields do not narrow.
     *
     * @throws IllegalArgumentException when {@code tags} is not a map
     */
    public static ResourceScope read(JsonNode entry) {
        JsonNode tagsNode = entry.get("tags");
        Map<String, String> tags = new LinkedHashMap<>();
        if (tagsNode != null && !tagsNode.isNull()) {
            if (!tagsNode.isObject()) {
                throw new IllegalArgumentException("'tags' must map tag keys to values or globs, like {env: test}");
            }
            tagsNode.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return new ResourceScope(texts(entry.get("provider")), texts(entry.get("account")), texts(entry.get("region")),
                tags);
    }

    /** A YAML value or list of values as texts; empty when absent. */
    public static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> texts.add(item.asText()));
        } else if (value != null && !value.isNull()) {
            texts.add(value.asText());
        }
        return texts;
    }

    /** This scope with its globs compiled once, to test many findings against. */
    public Matcher matcher() {
        return new Matcher(this, globs(providers), globs(accounts), globs(regions),
                tags.entrySet().stream().map(e -> Map.entry(e.getKey(), Policy.glob(e.getValue()))).toList());
    }

    /** A compiled scope. */
    public record Matcher(ResourceScope scope, List<Pattern> providers, List<Pattern> accounts, List<Pattern> regions,
                          List<Map.Entry<String, Pattern>> tags) {

        /** @param resourceTags the tags of the finding's resource, looked up case-insensitively; empty when none */
        public boolean matches(Finding finding, Map<String, String> resourceTags) {
            String provider = finding.provider() == null ? null : finding.provider().name().toLowerCase(Locale.ROOT);
            return anyMatches(providers, provider) && anyMatches(accounts, finding.account())
                    && anyMatches(regions, finding.region())
                    && tags.stream().allMatch(t -> {
                        String value = tagValue(resourceTags, t.getKey());
                        return value != null && t.getValue().matcher(value).matches();
                    });
        }

        /** Tag keys compare case-insensitively, as clouds and people spell them differently. */
        private static String tagValue(Map<String, String> resourceTags, String key) {
            String exact = resourceTags.get(key);
            return exact != null ? exact : resourceTags.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        private static boolean anyMatches(List<Pattern> globs, String value) {
            return globs.isEmpty() || value != null && globs.stream().anyMatch(g -> g.matcher(value).matches());
        }
    }

    private static List<Pattern> globs(List<String> values) {
        return values.stream().map(Policy::glob).toList();
    }
}
