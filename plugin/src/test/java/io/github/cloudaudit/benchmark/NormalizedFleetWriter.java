package io.github.cloudaudit.benchmark;

import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.normalized.NormalizedInventoryWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the fleet in the plugin's normalized inventory format, one file per region. It turns each synthetic server
 * into a model {@link Server} and hands it straight to the plugin's own {@link NormalizedInventoryWriter}, so the
 * format is written in one place and only one server is held at a time. It states what the AWS CLI files cannot:
 * the database engine on a VM, the monitoring agent and CPU statistics.
 */
final class NormalizedFleetWriter implements InventoryWriter {

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
        String collector = "SyntheticInventory benchmark generator, " + region.serverCount() + " servers in "
                + region.name();
        try (NormalizedInventoryWriter writer =
                     new NormalizedInventoryWriter(Files.newOutputStream(file), SyntheticFleet.COLLECTED_AT, collector)) {
            for (int i = 0; i < region.serverCount(); i++) {
                writer.server(server(fleet.server(region, i), region));
            }
            writer.scope(new Scope(Provider.AWS, SyntheticFleet.ACCOUNT, region.name(), region.guardDuty(),
                    region.guardDuty(), true));
            for (SyntheticFleet.Vpc vpc : fleet.vpcs(region)) {
                writer.network(new Network(Provider.AWS, SyntheticFleet.ACCOUNT, region.name(), vpc.id(),
                        vpc.flowLogs()));
            }
        }
    }

    private static Server server(SyntheticServer server, SyntheticFleet.Region region) {
        SyntheticImage image = server.image();
        SyntheticFleet.SecurityGroup group = server.securityGroup();
        return Server.builder()
                .provider(Provider.AWS)
                .id(server.instanceId())
                .name(server.name())
                .account(SyntheticFleet.ACCOUNT)
                .region(region.name())
                .type(server.instanceType())
                .state(server.running() ? PowerState.RUNNING : PowerState.STOPPED)
                .launchedOn(date(server.launchTime()))
                .stateSince(date(server.running() ? server.launchTime() : server.stoppedAt()))
                .os(image == null ? null : new OperatingSystem(image.osProduct(), image.osVersion(), image.name()))
                .engine(server.engineProduct() == null ? null
                        : new DatabaseEngine(server.engineProduct(), server.engineVersion()))
                .image(image == null ? null : image.name())
                .tags(server.tags())
                .networkIds(List.of(group.vpc().id()))
                .ingress(ingress(group))
                .attachedDisks(server.volumeIds().size())
                .monitoring(new Monitoring(server.cpuAlarm(), server.detailedMonitoring(), server.agent()))
                .cpu(server.cpuAverage() == null ? null
                        : new CpuStatistics(CPU_PERIOD_DAYS, server.cpuAverage(), server.cpuMaximum()))
                .build();
    }

    /** The group's rules, each naming the group it belongs to. */
    private static List<IngressRule> ingress(SyntheticFleet.SecurityGroup group) {
        String via = group.id() + " (" + group.name() + ")";
        return group.rules().stream()
                .map(rule -> new IngressRule(rule.protocol(), rule.fromPort(), rule.toPort(), rule.source(), via))
                .toList();
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
