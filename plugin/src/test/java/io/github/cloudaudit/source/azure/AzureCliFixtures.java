package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryLoader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Azure CLI fixtures under {@code inventories/}, loaded as a user would: a folder through the built-in readers. */
final class AzureCliFixtures {

    static final String SUBSCRIPTION = "3f2c8a41-7d5e-4b9a-9c1e-52a7d0e6b813";
    static final String CLEAN_SUBSCRIPTION = "8b1e4d2a-0c6f-4e3b-a5d7-91f2c3e4b560";

    private AzureCliFixtures() {
    }

    static Path scenario() {
        return resource("/inventories/azure-cli/" + SUBSCRIPTION);
    }

    static Path clean() {
        return resource("/inventories/azure-cli-clean/" + CLEAN_SUBSCRIPTION);
    }

    /** Loads the inputs; warnings (skipped files) go to the given list. */
    static Inventory load(List<String> warnings, Path... inputs) throws IOException {
        return InventoryLoader.withBuiltInReaders(warnings::add).load(List.of(inputs));
    }

    static Inventory load(Path... inputs) throws IOException {
        return load(new ArrayList<>(), inputs);
    }

    static Server server(Inventory inventory, String name) {
        return inventory.servers().stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no server named " + name + " in " + inventory.servers()));
    }

    static String id(String subscription, String group, String type, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + group + "/providers/" + type + "/" + name;
    }

    private static Path resource(String name) {
        try {
            return Path.of(AzureCliFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
