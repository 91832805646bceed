package io.github.cloudaudit.lifecycle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.cloudaudit.model.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Instance types, VM sizes and database classes of a previous hardware generation, from the YAML table
 * {@value #TABLE}: each group names a family, what its provider says about it, and the patterns of its type names.
 */
public final class PreviousGenerationTypes {

    /** The built-in table. */
    public static final String TABLE = "previous-generation-types.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<Family> families;
    /** Every server asks while distinct types are few: remember each answer. */
    private final Map<String, Optional<Family>> found = new java.util.concurrent.ConcurrentHashMap<>();

    private PreviousGenerationTypes(List<Family> families) {
        this.families = List.copyOf(families);
    }

    /** Loads the table that ships with the plugin. */
    public static PreviousGenerationTypes builtIn() {
        try (InputStream in = PreviousGenerationTypes.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("built-in table " + TABLE + " is missing from the plugin");
            }
            return new PreviousGenerationTypes(compile(YAML.readValue(in, Table.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in table " + TABLE, e);
        }
    }

    /** The previous-generation family a type of the given provider belongs to, compared ignoring case. */
    public Optional<Family> find(Provider provider, String type) {
        if (type == null) {
            return Optional.empty();
        }
        return found.computeIfAbsent(provider + "\u0000" + type, key -> lookUp(provider, type));
    }

    private Optional<Family> lookUp(Provider provider, String type) {
        String wanted = type.trim();
        return families.stream()
                .filter(family -> family.provider() == null || family.provider() == provider)
                .filter(family -> family.patterns().stream().anyMatch(p -> p.matcher(wanted).matches()))
                .findFirst();
    }

    /**
     * One previous-generation family.
     *
     * @param provider the cloud it belongs to, null for any
     * @param id       names its words in the rules' bundles: how people name it and what the provider says about it
     * @param source   the provider's documentation
     * @param patterns whole-name patterns of its types, case-insensitive
     */
    public record Family(Provider provider, String id, String source, List<Pattern> patterns) {
    }

    private static List<Family> compile(Table table) {
        if (table == null || table.groups() == null) {
            throw new IllegalStateException(TABLE + ": expected a 'groups' list");
        }
        List<Family> families = new ArrayList<>();
        for (Group group : table.groups()) {
            if (group.id() == null || group.patterns() == null || group.patterns().isEmpty()) {
                throw new IllegalStateException(TABLE + ": every group needs 'id' and 'patterns'");
            }
            List<Pattern> patterns = new ArrayList<>();
            for (String pattern : group.patterns()) {
                try {
                    patterns.add(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(TABLE + ": family '" + group.id()
                            + "' has an invalid pattern: " + e.getMessage(), e);
                }
            }
            families.add(new Family(group.provider(), group.id(), group.source(), patterns));
        }
        return families;
    }

    private record Table(Integer schemaVersion, List<Group> groups) {
    }

    private record Group(Provider provider, String id, String source, List<String> patterns) {
    }
}
