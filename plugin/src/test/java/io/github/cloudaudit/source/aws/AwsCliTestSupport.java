package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads the AWS CLI fixtures (real CLI output recorded against moto, see plugin/src/test/fixtures/) through the
 * built-in readers, and derives variants of them in a temporary folder where a test needs one field changed or the
 * file placed in other folders.
 */
final class AwsCliTestSupport {

    static final String ACCOUNT = "123456789012";
    static final String EU = "eu-north-1";
    static final String US = "us-east-1";
    static final ObjectMapper JSON = new ObjectMapper();

    private AwsCliTestSupport() {
    }

    /** A fixture folder or file below src/test/resources/inventories/. */
    static Path fixture(String relative) {
        URL url = AwsCliTestSupport.class.getResource("/inventories/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The messy estate: legacy servers in eu-north-1 and us-east-1. */
    static Path estate() {
        return fixture("aws-cli");
    }

    /** Edge cases: terminated and stopped instances, Aurora, metric math alarms, empty listings in us-east-1. */
    static Path cases() {
        return fixture("aws-cli-cases/estate");
    }

    /** One file of the edge cases, e.g. {@code casesFile(EU, "ec2-describe-instances.json")}. */
    static Path casesFile(String region, String file) {
        return cases().resolve(ACCOUNT).resolve(region).resolve(file);
    }

    static Inventory load(Path... inputs) throws IOException {
        return load(new ArrayList<>(), inputs);
    }

    static Inventory load(List<String> warnings, Path... inputs) throws IOException {
        return InventoryLoader.withBuiltInReaders(warnings::add).load(Arrays.asList(inputs));
    }

    /** The server of this name (Name tag or RDS identifier). */
    static Server server(Inventory inventory, String name) {
        return inventory.servers().stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no server named " + name + " in " + inventory.servers()));
    }

    static Scope scope(Inventory inventory, String account, String region) {
        return inventory.scopes().stream()
                .filter(s -> s.provider() == Provider.AWS && account.equals(s.account())
                        && java.util.Objects.equals(region, s.region()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no scope " + account + "/" + region + " in " + inventory.scopes()));
    }

    static Network network(Inventory inventory, Server server) {
        return inventory.network(server.provider(), server.account(), server.networkIds().get(0)).orElseThrow();
    }

    /** Copies a file into {@code root/folders.../}, keeping its name. */
    static Path copy(Path file, Path root, String... folders) {
        return write(root, file.getFileName().toString(), folders, read(file));
    }

    /** Writes a fixture with one change applied (the change gets the root object) into {@code root/folders.../}. */
    static Path variant(Path file, Path root, Consumer<ObjectNode> change, String... folders) {
        JsonNode tree = read(file);
        change.accept((ObjectNode) tree);
        return write(root, file.getFileName().toString(), folders, tree);
    }

    /** The first element of a list under a top-level key, e.g. the first reservation's first instance. */
    static ObjectNode first(ObjectNode root, String... path) {
        JsonNode node = root;
        for (String key : path) {
            node = node.get(key).get(0);
        }
        return (ObjectNode) node;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path root, String name, String[] folders, JsonNode tree) {
        try {
            Path folder = root;
            for (String part : folders) {
                folder = folder.resolve(part);
            }
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), tree);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
