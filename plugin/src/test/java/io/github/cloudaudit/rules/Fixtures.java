package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.lifecycle.LifecycleCatalog;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small additions to {@link RuleTestSupport}: extra tags, one expected finding, lifecycle tables of a test's own. */
final class Fixtures {

    /** The tag that makes a server a database host under the default settings. */
    static final Map<String, String> DATABASE_HOST = Map.of("role", "database");
    /** The tag that marks a server's data as sensitive under the default settings. */
    static final Map<String, String> PERSONAL_DATA = Map.of("data-classification", "personal");

    private Fixtures() {
    }

    /** The server with these tags added to the ones it already has. */
    @SafeVarargs
    static Server.Builder tagged(Server.Builder server, Map<String, String>... tags) {
        Server built = server.build();
        Map<String, String> merged = new HashMap<>(built.tags());
        for (Map<String, String> more : tags) {
            merged.putAll(more);
        }
        return built.toBuilder().tags(merged);
    }

    /** Asserts that there is exactly one finding and returns it. */
    static Finding single(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    /** Runs a plain rule on a single server in a watched inventory and returns its only finding. */
    static Finding singleFinding(Rule rule, Server.Builder server) {
        return single(RuleTestSupport.run(rule, RuleTestSupport.watchedInventory(server.build())));
    }

    /** A finding's message as the Norwegian report tells it. */
    static String norwegian(Finding finding) {
        return RuleTexts.message("nb", finding);
    }

    /** A finding's evidence as the Norwegian report tells it. */
    static List<String> norwegianEvidence(Finding finding) {
        return RuleTexts.evidence("nb", finding);
    }

    /** Runs a plain rule on a single server in a watched inventory. */
    static List<Finding> findings(Rule rule, Server.Builder server) {
        return RuleTestSupport.run(rule, RuleTestSupport.watchedInventory(server.build()));
    }

    /**
     * A context whose lifecycle tables are the built-in ones overridden by the given YAML texts, written to a
     * test's temporary directory.
     */
    static AuditContext contextWithTables(Inventory inventory, Path directory, String operatingSystems,
                                          String databaseEngines) throws IOException {
        Path osTable = Files.writeString(directory.resolve("os.yaml"), operatingSystems);
        Path dbTable = Files.writeString(directory.resolve("db.yaml"), databaseEngines);
        return new AuditContext(inventory, RuleTestSupport.AUDIT_DATE, AuditSettings.defaults(),
                LifecycleCatalog.builtIn(LifecycleCatalog.OPERATING_SYSTEMS).overriddenBy(osTable),
                LifecycleCatalog.builtIn(LifecycleCatalog.DATABASE_ENGINES).overriddenBy(dbTable));
    }

    /** A lifecycle table with one product of one release that ends on the given day. */
    static String table(String product, String version, LocalDate endOfSupport) {
        return "schemaVersion: 1\nproducts:\n  - product: " + product + "\n    name: " + product + "\n"
                + "    releases:\n      - version: \"" + version + "\"\n        label: \"" + product + " " + version
                + "\"\n        endOfSupport: " + endOfSupport + "\n";
    }

    /** A lifecycle table that adds nothing. */
    static final String EMPTY_TABLE = "schemaVersion: 1\nproducts: []\n";
}
