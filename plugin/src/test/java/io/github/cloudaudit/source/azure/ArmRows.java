package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.ReadContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Hands single ARM resources, written inline, to the mapping of their type, as a row read from "inline.json". */
final class ArmRows {

    static final String SUBSCRIPTION = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    static final String GROUP = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArmRows() {
    }

    static void map(InventoryBuilder builder, String resource) {
        try {
            AzureResource row = new AzureResource(JSON.readTree(resource), new JsonLocation(null, 0, 3, 5),
                    new ReadContext("inline.json", null, null, builder));
            AzureMappings.forType(row.type()).accept(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An id under the test's resource group, e.g. {@code id("Microsoft.Network/networkSecurityGroups", "nsg1")}. */
    static String id(String type, String name) {
        return GROUP + type + "/" + name;
    }
}
