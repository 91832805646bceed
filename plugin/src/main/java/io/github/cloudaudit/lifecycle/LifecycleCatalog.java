package io.github.cloudaudit.lifecycle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cloudaudit.source.BindingErrors;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.StrictParsers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * End-of-support dates of operating systems or database engines, from a YAML table. The built-in tables ship
 * with the plugin; a user's table of the same shape adds products and overrides releases by version.
 */
public final class LifecycleCatalog {

    /** The built-in operating system table. */
    public static final String OPERATING_SYSTEMS = "operating-systems.yaml";
    /** The built-in database engine table. */
    public static final String DATABASE_ENGINES = "database-engines.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final Map<String, Product> products;
    /** Lookups repeat for every server while distinct versions are few: remember each answer. */
    private final Map<String, Optional<Release>> found = new java.util.concurrent.ConcurrentHashMap<>();

    private LifecycleCatalog(Map<String, Product> products) {
        this.products = products;
    }

    /** Loads one of the built-in tables. */
    public static LifecycleCatalog builtIn(String table) {
        try (InputStream in = LifecycleCatalog.class.getResourceAsStream(table)) {
            if (in == null) {
                throw new IllegalStateException("built-in lifecycle table " + table + " is missing from the plugin");
            }
            return new LifecycleCatalog(index(YAML.readValue(in, Table.class), table));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in lifecycle table " + table, e);
        }
    }

    /**
     * This table with a user's table laid over it: the user's releases win where versions match.
     *
     * @throws InventoryFormatException naming the file, line and field when the table is not as expected
     */
    public LifecycleCatalog overriddenBy(Path userTable) throws IOException {
        Table table = StrictParsers.read(userTable, userTable.toString(), false, parser -> {
            try {
                return YAML.readValue(parser, Table.class);
            } catch (JsonMappingException e) {
                JsonLocation at = BindingErrors.location(e, parser.currentLocation());
                throw new InventoryFormatException(userTable.toString(), at.getLineNr(), at.getColumnNr(),
                        BindingErrors.describe(e, "table"));
            }
        });
        Map<String, Product> merged = new HashMap<>(products);
        index(table, userTable.toString()).forEach((key, product) -> merged.merge(key, product, Product::overriddenBy));
        return new LifecycleCatalog(merged);
    }

    /**
     * The release a detected version belongs to: the longest release version (or alias) that is the detected
     * version itself or a prefix of it at a dot, dash or space boundary, so {@code 5.7} matches {@code 5.7.44}
     * but not {@code 5.70}.
     */
    public Optional<Release> find(String product, String version) {
        if (product == null || version == null) {
            return Optional.empty();
        }
        return found.computeIfAbsent(product + "\u0000" + version, key -> lookUp(product, version));
    }

    private Optional<Release> lookUp(String product, String version) {
        Product entry = products.get(product.toLowerCase(Locale.ROOT));
        if (entry == null) {
            return Optional.empty();
        }
        String wanted = normalize(version);
        Release best = null;
        int bestLength = -1;
        for (Release release : entry.releases()) {
            List<String> spellings = new ArrayList<>(release.aliases());
            spellings.add(release.version());
            for (String spelling : spellings) {
                String candidate = normalize(spelling);
                if (matches(wanted, candidate) && candidate.length() > bestLength) {
                    best = release;
                    bestLength = candidate.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The display name of a product, e.g. {@code Ubuntu}, or the key itself when unknown. */
    public String productName(String product) {
        Product entry = product == null ? null : products.get(product.toLowerCase(Locale.ROOT));
        return entry == null || entry.name() == null ? product : entry.name();
    }

    private static boolean matches(String version, String candidate) {
        if (!version.startsWith(candidate)) {
            return false;
        }
        if (version.length() == candidate.length()) {
            return true;
        }
        char next = version.charAt(candidate.length());
        return next == '.' || next == '-' || next == ' ' || next == '_';
    }

    private static String normalize(String version) {
        return WHITESPACE.matcher(version.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static Map<String, Product> index(Table table, String origin) {
        if (table == null || table.products() == null) {
            throw new InventoryFormatException(origin, 0, 0, "expected a 'products' list");
        }
        Map<String, Product> byKey = new HashMap<>();
        for (Product product : table.products()) {
            if (product == null || product.product() == null || product.releases() == null) {
                throw new InventoryFormatException(origin, 0, 0, "every product needs 'product' and 'releases'");
            }
            Set<String> versions = new HashSet<>();
            for (Release release : product.releases()) {
                if (release == null || release.version() == null || release.endOfSupport() == null) {
                    throw new InventoryFormatException(origin, 0, 0, "product '" + product.product()
                            + "' has a release without 'version' or 'endOfSupport'");
                }
                if (!versions.add(normalize(release.version()))) {
                    throw new InventoryFormatException(origin, 0, 0, "product '" + product.product()
                            + "' lists release '" + release.version() + "' twice; which of its dates holds is unclear");
                }
            }
            if (byKey.put(product.product().toLowerCase(Locale.ROOT), product) != null) {
                throw new InventoryFormatException(origin, 0, 0, "product '" + product.product()
                        + "' is listed twice; give each product once with all its releases");
            }
        }
        return byKey;
    }

    private record Table(Integer schemaVersion, List<Product> products) {
    }

    private record Product(String product, String name, String source, List<Release> releases) {

        Product overriddenBy(Product user) {
            Map<String, Release> byVersion = new java.util.LinkedHashMap<>();
            releases.forEach(r -> byVersion.put(normalize(r.version()), r));
            user.releases.forEach(r -> byVersion.put(normalize(r.version()), r));
            return new Product(product, user.name != null ? user.name : name, user.source != null ? user.source : source,
                    List.copyOf(byVersion.values()));
        }
    }
}
