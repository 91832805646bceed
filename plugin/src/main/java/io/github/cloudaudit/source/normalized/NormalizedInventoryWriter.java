package io.github.cloudaudit.source.normalized;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.ThreatFinding;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static io.github.cloudaudit.source.normalized.NormalizedFormat.MAPPER;

/**
 * Writes the normalized inventory (JSON) one fact at a time, so collectors and generators never hold a whole
 * inventory: {@code server(...)} as often as needed, then {@code scope(...)}, and so on. Each list is written in one
 * go; a list cannot be reopened once another has started. {@link #close()} finishes the document and closes the
 * stream. What it writes, {@link NormalizedInventoryReader} reads back to the same facts.
 */
public final class NormalizedInventoryWriter implements Closeable {

    private final JsonGenerator generator;
    private final Set<String> finishedLists = new HashSet<>();
    private String openList;

    /**
     * Starts the document.
     *
     * @param collectedAt when the facts were collected, null when unknown
     * @param collector   what collected them, free text, null for none
     */
    public NormalizedInventoryWriter(OutputStream out, Instant collectedAt, String collector) throws IOException {
        generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.useDefaultPrettyPrinter();
        generator.writeStartObject();
        generator.writeNumberField(NormalizedFormat.VERSION_KEY, NormalizedFormat.SCHEMA_VERSION);
        if (collectedAt != null) {
            generator.writeStringField(NormalizedFormat.COLLECTED_AT, collectedAt.toString());
        }
        if (collector != null) {
            generator.writeStringField(NormalizedFormat.COLLECTOR, collector);
        }
    }

    /** Writes a whole inventory to a file. */
    public static void write(Inventory inventory, Path file, Instant collectedAt, String collector) throws IOException {
        try (NormalizedInventoryWriter writer =
                     new NormalizedInventoryWriter(Files.newOutputStream(file), collectedAt, collector)) {
            writer.write(inventory);
        }
    }

    /** Writes every server, scope, network and gap of the inventory. Its source file list describes a reading, not facts, and is left out. */
    public void write(Inventory inventory) throws IOException {
        for (Server server : inventory.servers()) {
            server(server);
        }
        for (Scope scope : inventory.scopes()) {
            scope(scope);
        }
        for (Network network : inventory.networks()) {
            network(network);
        }
        for (CoverageGap gap : inventory.gaps()) {
            gap(gap);
        }
        for (ThreatFinding threat : inventory.threats()) {
            threat(threat);
        }
    }

    /** Writes a server; its {@code origin} is not written, as the reader sets it to the file being read. */
    public void server(Server server) throws IOException {
        if (server.provider() == null || server.id() == null || server.id().isBlank()) {
            throw new IllegalArgumentException("a server needs a provider and an id to be read back: " + server);
        }
        element(NormalizedFormat.SERVERS, ServerEntry.from(server));
    }

    public void scope(Scope scope) throws IOException {
        if (scope.provider() == null || scope.account() == null || scope.account().isBlank()) {
            throw new IllegalArgumentException("a scope needs a provider and an account to be read back: " + scope);
        }
        element(NormalizedFormat.SCOPES, scope);
    }

    public void network(Network network) throws IOException {
        if (network.provider() == null || network.id() == null || network.id().isBlank()) {
            throw new IllegalArgumentException("a network needs a provider and an id to be read back: " + network);
        }
        element(NormalizedFormat.NETWORKS, network);
    }

    public void gap(CoverageGap gap) throws IOException {
        if (gap.what() == null || gap.what().isBlank()) {
            throw new IllegalArgumentException("a coverage gap needs 'what' to be read back: " + gap);
        }
        element(NormalizedFormat.GAPS, gap);
    }

    /** Writes what a threat-detection service holds open about a server, so an audit of the file still sees it. */
    public void threat(ThreatFinding threat) throws IOException {
        if (threat.provider() == null || threat.serverId() == null || threat.type() == null) {
            throw new IllegalArgumentException("a threat finding needs a provider, a server id and a type: " + threat);
        }
        element(NormalizedFormat.THREATS, threat);
    }

    private void element(String list, Object value) throws IOException {
        if (!list.equals(openList)) {
            if (finishedLists.contains(list)) {
                throw new IllegalStateException("the '" + list + "' list is already finished; write all "
                        + list + " together");
            }
            finishOpenList();
            generator.writeArrayFieldStart(list);
            openList = list;
        }
        MAPPER.writeValue(generator, value);
    }

    private void finishOpenList() throws IOException {
        if (openList != null) {
            generator.writeEndArray();
            finishedLists.add(openList);
            openList = null;
        }
    }

    @Override
    public void close() throws IOException {
        try (generator) {
            finishOpenList();
            generator.writeEndObject();
        }
    }
}
