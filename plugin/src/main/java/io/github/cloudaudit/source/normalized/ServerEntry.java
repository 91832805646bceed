package io.github.cloudaudit.source.normalized;

import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element of {@code servers} exactly as the file holds it. It differs from {@link Server} where the file must:
 * it has no {@code origin} (that is the file itself), and its CPU figures are nullable so that a missing figure
 * is an error instead of a silent zero.
 */
record ServerEntry(Provider provider, ResourceKind kind, String id, String name, String account, String region,
                   String type, PowerState state, LocalDate launchedOn, LocalDate stateSince,
                   OperatingSystem os, DatabaseEngine engine, String image, Map<String, String> tags,
                   List<String> networkIds, List<IngressRule> ingress, Boolean publiclyAccessible,
                   Integer attachedDisks, Monitoring monitoring, CpuEntry cpu) {

    /**
     * What is wrong with an entry.
     *
     * @param field    the field at fault, relative to the entry ({@code cpu}, {@code networkIds}); null for the entry
     * @param expected what was expected there
     */
    record Problem(String field, String expected) {

        /** The message for the entry at the given path, e.g. {@code servers[3].cpu: expected ...}. */
        String at(String element) {
            return element + (field == null ? "" : "." + field) + ": " + expected;
        }
    }

    /** CPU statistics: all three figures or none. */
    record CpuEntry(Integer periodDays, Double averagePercent, Double maximumPercent) {

        /** What is wrong with the figures, or null when nothing is. */
        String problem() {
            if (periodDays == null || averagePercent == null || maximumPercent == null) {
                return "expected all of 'periodDays', 'averagePercent' and 'maximumPercent' (or no 'cpu' at all)";
            }
            if (periodDays < 1) {
                return "expected 'periodDays' to be at least 1, found " + periodDays;
            }
            if (!percent(averagePercent) || !percent(maximumPercent)) {
                return "expected 'averagePercent' and 'maximumPercent' between 0 and 100";
            }
            return null;
        }

        private static boolean percent(double value) {
            return value >= 0 && value <= 100;
        }
    }

    static ServerEntry from(Server server) {
        CpuStatistics cpu = server.cpu();
        return new ServerEntry(server.provider(), server.kind(), server.id(), server.name(), server.account(),
                server.region(), server.type(), server.state(), server.launchedOn(), server.stateSince(), server.os(),
                server.engine(), server.image(), emptyToNull(server.tags()), emptyToNull(server.networkIds()),
                emptyToNull(server.ingress()), server.publiclyAccessible(), server.attachedDisks(),
                Monitoring.UNKNOWN.equals(server.monitoring()) ? null : server.monitoring(),
                cpu == null ? null : new CpuEntry(cpu.periodDays(), cpu.averagePercent(), cpu.maximumPercent()));
    }

    /** What is wrong with this entry, or null when nothing is. */
    Problem problem() {
        if (provider == null) {
            return new Problem(null, "expected 'provider' (aws or azure)");
        }
        if (id == null || id.isBlank()) {
            return new Problem(null, "expected 'id', the cloud's own id of the server");
        }
        if (networkIds != null && networkIds.stream().anyMatch(Objects::isNull)) {
            return new Problem("networkIds", "expected network ids, found null in the list");
        }
        if (ingress != null && ingress.stream().anyMatch(Objects::isNull)) {
            return new Problem("ingress", "expected ingress rules, found null in the list");
        }
        if (attachedDisks != null && attachedDisks < 0) {
            return new Problem("attachedDisks", "expected a count of 0 or more, found " + attachedDisks);
        }
        String cpuProblem = cpu == null ? null : cpu.problem();
        return cpuProblem == null ? null : new Problem("cpu", cpuProblem);
    }

    /** The server, read from the given file; a missing kind means a virtual machine. Call only when {@link #problem()} is null. */
    Server toServer(Origin origin) {
        return new Server(provider, kind == null ? ResourceKind.VIRTUAL_MACHINE : kind, id, name, account, region,
                type, state, launchedOn, stateSince, os, engine, image, tags, networkIds, ingress, publiclyAccessible,
                attachedDisks, monitoring,
                cpu == null ? null : new CpuStatistics(cpu.periodDays(), cpu.averagePercent(), cpu.maximumPercent()),
                origin);
    }

    private static <T extends Map<?, ?>> T emptyToNull(T map) {
        return map.isEmpty() ? null : map;
    }

    private static <T extends List<?>> T emptyToNull(T list) {
        return list.isEmpty() ? null : list;
    }
}
