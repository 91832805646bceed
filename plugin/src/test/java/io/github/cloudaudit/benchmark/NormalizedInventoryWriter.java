package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.cloudaudit.model.IngressRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the fleet in the plugin's normalized inventory format, one file per region, streaming the servers one at a
 * time. It states what the AWS CLI files cannot: the database engine on a VM, the monitoring agent and CPU statistics.
 */
final class NormalizedInventoryWriter implements InventoryWriter {

    private static final int CPU_PERIOD_DAYS = 14;

    @Override
    public List<Path> write(SyntheticFleet fleet, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (SyntheticFleet.Region region : fleet.regions()) {
            Path file = folder.resolve("normalized-" + region.name() + ".json");
            writeRegion(fleet, region, file);
            files.add(file);
        }
        return files;
    }

    private static void writeRegion(SyntheticFleet fleet, SyntheticFleet.Region region, Path file) throws IOException {
        try (CliJson json = CliJson.create(file)) {
            JsonGenerator g = json.generator();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeStringField("collectedAt", SyntheticFleet.COLLECTED_AT.toString());
            g.writeStringField("collector", "SyntheticInventory benchmark generator, " + region.serverCount()
                    + " servers in " + region.name());
            g.writeArrayFieldStart("servers");
            for (int i = 0; i < region.serverCount(); i++) {
                server(g, fleet.server(region, i), region);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("scopes");
            g.writeStartObject();
            g.writeStringField("provider", "aws");
            g.writeStringField("account", SyntheticFleet.ACCOUNT);
            g.writeStringField("region", region.name());
            g.writeBooleanField("threatDetectionForServers", region.guardDuty());
            g.writeBooleanField("threatDetectionForDatabases", region.guardDuty());
            g.writeBooleanField("auditTrail", true);
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("networks");
            for (SyntheticFleet.Vpc vpc : fleet.vpcs(region)) {
                g.writeStartObject();
                g.writeStringField("provider", "aws");
                g.writeStringField("account", SyntheticFleet.ACCOUNT);
                g.writeStringField("region", region.name());
                g.writeStringField("id", vpc.id());
                g.writeBooleanField("flowLogs", vpc.flowLogs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("gaps");
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void server(JsonGenerator g, SyntheticServer server, SyntheticFleet.Region region) throws IOException {
        SyntheticImage image = server.image();
        g.writeStartObject();
        g.writeStringField("provider", "aws");
        g.writeStringField("kind", "virtual_machine");
        g.writeStringField("id", server.instanceId());
        g.writeStringField("name", server.name());
        g.writeStringField("account", SyntheticFleet.ACCOUNT);
        g.writeStringField("region", region.name());
        g.writeStringField("type", server.instanceType());
        g.writeStringField("state", server.running() ? "running" : "stopped");
        g.writeStringField("launchedOn", date(server.launchTime()).toString());
        g.writeStringField("stateSince", date(server.running() ? server.launchTime() : server.stoppedAt()).toString());
        if (image == null) {
            g.writeNullField("os");
        } else {
            g.writeObjectFieldStart("os");
            g.writeStringField("product", image.osProduct());
            g.writeStringField("version", image.osVersion());
            g.writeStringField("description", image.name());
            g.writeEndObject();
        }
        if (server.engineProduct() == null) {
            g.writeNullField("engine");
        } else {
            g.writeObjectFieldStart("engine");
            g.writeStringField("product", server.engineProduct());
            g.writeStringField("version", server.engineVersion());
            g.writeEndObject();
        }
        g.writeStringField("image", image == null ? null : image.name());
        g.writeObjectFieldStart("tags");
        for (Map.Entry<String, String> tag : server.tags().entrySet()) {
            g.writeStringField(tag.getKey(), tag.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("networkIds");
        g.writeString(server.securityGroup().vpc().id());
        g.writeEndArray();
        g.writeArrayFieldStart("ingress");
        SyntheticFleet.SecurityGroup group = server.securityGroup();
        for (IngressRule rule : group.rules()) {
            g.writeStartObject();
            g.writeStringField("protocol", rule.protocol());
            port(g, "fromPort", rule.fromPort());
            port(g, "toPort", rule.toPort());
            g.writeStringField("source", rule.source());
            g.writeStringField("via", group.id() + " (" + group.name() + ")");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNullField("publiclyAccessible");
        g.writeNumberField("attachedDisks", server.volumeIds().size());
        g.writeObjectFieldStart("monitoring");
        g.writeBooleanField("cpuAlarm", server.cpuAlarm());
        g.writeBooleanField("detailedMonitoring", server.detailedMonitoring());
        g.writeBooleanField("agent", server.agent());
        g.writeEndObject();
        if (server.cpuAverage() == null) {
            g.writeNullField("cpu");
        } else {
            g.writeObjectFieldStart("cpu");
            g.writeNumberField("periodDays", CPU_PERIOD_DAYS);
            g.writeNumberField("averagePercent", server.cpuAverage());
            g.writeNumberField("maximumPercent", server.cpuMaximum());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A port, or null for a rule that covers all ports. */
    private static void port(JsonGenerator g, String field, Integer port) throws IOException {
        if (port == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, port);
        }
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
