package io.github.cloudaudit.source;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.Place;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SharedValues;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.model.ThreatFinding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * Collects facts from many files, in any order, and links them into one {@link Inventory}: an instance's image
 * gives its operating system, its security groups give its ingress, its network interfaces give its networks and
 * (through their subnets' and their own filters) its ingress, alarms and agents found elsewhere give its
 * monitoring. A fact is "false" only when the data that would show it was read for that account and region;
 * otherwise it stays unknown.
 */
public final class InventoryBuilder {

    /** References from a server to facts held in other files. */
    public record Links(String imageId, List<String> securityGroupIds, List<String> interfaceIds) {
        public static final Links NONE = new Links(null, List.of(), List.of());

        public Links(String imageId, List<String> securityGroupIds) {
            this(imageId, securityGroupIds, List.of());
        }
    }

    /**
     * A server as read, before linking. Only the built server is kept, not the builder it came from: a builder holds
     * the reader's own tag map and lists, which for a hundred thousand servers stayed on the heap all through reading.
     */
    private record Draft(Server partial, Links links) {
    }

    private record Image(OperatingSystem os, String name) {
    }

    private record Interface(Provider provider, NetworkInterface nic) {
    }

    /** Whether the listings of alarms and of agents of one account and region were read. */
    private record ListingsRead(boolean alarms, boolean agents) {
    }

    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, Image> images = new HashMap<>();
    private final Map<String, List<IngressRule>> securityGroups = new HashMap<>();
    private final Map<String, Interface> interfaces = new LinkedHashMap<>();
    /** The filter of each subnet whose filter is known: its id, or an empty string for none. */
    private final Map<String, String> subnetSecurityGroups = new HashMap<>();
    private final Map<String, Integer> attachedDisks = new HashMap<>();
    private final Map<String, DatabaseEngine> installedEngines = new HashMap<>();
    private final Set<String> cpuAlarmTargets = new HashSet<>();
    private final List<Predicate<Server>> cpuAlarmCoverage = new ArrayList<>();
    private final Map<String, LocalDate> existedOn = new HashMap<>();
    private final Set<String> alarmsCollected = new HashSet<>();
    private final Set<String> agentsReporting = new HashSet<>();
    private final Set<String> agentsCollected = new HashSet<>();
    private final Set<String> networksWithFlowLogs = new HashSet<>();
    private final Set<String> flowLogsCollected = new HashSet<>();
    private final Map<String, Scope> scopes = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, CpuStatistics> cpuStatistics = new HashMap<>();
    private final List<ThreatFinding> threats = new ArrayList<>();
    private final List<CoverageGap> gaps = new ArrayList<>();
    private final List<SourceFile> sources = new ArrayList<>();
    private final Map<String, Long> apiCalls = new TreeMap<>();
    /** The one copy of each value servers repeat, for the servers of this builder; see {@link SharedValues}. */
    private final SharedValues shared = new SharedValues();
    private final PlausibleDates dates;

    /** A builder for an audit on the given date: the dates sources read must be plausible for it. */
    public InventoryBuilder(LocalDate auditDate) {
        this(new PlausibleDates(auditDate));
    }

    private InventoryBuilder(PlausibleDates dates) {
        this.dates = dates;
    }

    /** A builder for an audit dated today, such as a snapshot of the estate. */
    public InventoryBuilder() {
        this(LocalDate.now());
    }

    /** The one date parser every source reads dates with, bounded by the audit date. */
    public PlausibleDates dates() {
        return dates;
    }

    /** An empty builder for the same audit, to read one file into on a thread of its own; see {@link #addAll}. */
    InventoryBuilder emptyPart() {
        return new InventoryBuilder(dates);
    }

    /**
     * Adds everything the part holds, with exactly the outcome of making the calls that filled it here, after those
     * already made: parts read on other threads and added in file order give the inventory of reading the files in
     * turn. Each map's merge is the one its method uses, and a later record of the same key keeps the first one's
     * place (a {@link LinkedHashMap} keeps a key's place when its value is replaced).
     */
    void addAll(InventoryBuilder part) {
        drafts.putAll(part.drafts);
        images.putAll(part.images);
        securityGroups.putAll(part.securityGroups);
        interfaces.putAll(part.interfaces);
        installedEngines.putAll(part.installedEngines);
        networks.putAll(part.networks);
        cpuStatistics.putAll(part.cpuStatistics);
        mergeAll(subnetSecurityGroups, part.subnetSecurityGroups, InventoryBuilder::namedFilterWins);
        mergeAll(attachedDisks, part.attachedDisks, Integer::sum);
        mergeAll(existedOn, part.existedOn, InventoryBuilder::earliest);
        mergeAll(scopes, part.scopes, InventoryBuilder::combine);
        mergeAll(apiCalls, part.apiCalls, Long::sum);
        cpuAlarmTargets.addAll(part.cpuAlarmTargets);
        alarmsCollected.addAll(part.alarmsCollected);
        agentsReporting.addAll(part.agentsReporting);
        agentsCollected.addAll(part.agentsCollected);
        networksWithFlowLogs.addAll(part.networksWithFlowLogs);
        flowLogsCollected.addAll(part.flowLogsCollected);
        cpuAlarmCoverage.addAll(part.cpuAlarmCoverage);
        threats.addAll(part.threats);
        gaps.addAll(part.gaps);
        sources.addAll(part.sources);
    }

    private static <V> void mergeAll(Map<String, V> into, Map<String, V> from, BinaryOperator<V> merge) {
        from.forEach((key, value) -> into.merge(key, value, merge));
    }

    /** A complete server, as the normalized format holds it. */
    public void server(Server server) {
        server(server.toBuilder(), Links.NONE);
    }

    /** A server whose image and security groups may be described in other files. A later record of the same server replaces it. */
    public void server(Server.Builder server, Links links) {
        Server partial = server.sharing(shared).build();
        drafts.put(partial.key(), new Draft(partial, links));
    }

    public void image(Provider provider, String imageId, OperatingSystem os, String imageName) {
        images.put(key(provider, imageId), new Image(os, imageName));
    }

    public void securityGroup(Provider provider, String groupId, List<IngressRule> rules) {
        securityGroups.put(key(provider, groupId), List.copyOf(rules));
    }

    /** A network interface; the server it names, or that names it in its {@link Links}, sits where it does. */
    public void networkInterface(Provider provider, NetworkInterface networkInterface) {
        interfaces.put(key(provider, networkInterface.id()), new Interface(provider, networkInterface));
    }

    /**
     * The filter (network security group) on a subnet, null for none, from a listing of its network or of the
     * filters. One that names a filter wins over one that names none.
     */
    public void subnetSecurityGroup(Provider provider, String subnetId, String securityGroupId) {
        subnetSecurityGroups.merge(key(provider, subnetId), securityGroupId == null ? "" : securityGroupId,
                InventoryBuilder::namedFilterWins);
    }

    /**
     * A database engine known from outside the server's own listing: installed on a virtual machine (SSM's software
     * inventory), or the engine of the cluster an RDS instance belongs to. It fills in only what the server lacks.
     */
    public void installedEngine(Provider provider, String serverId, DatabaseEngine engine) {
        installedEngines.put(key(provider, serverId), engine);
    }

    /** One more disk attached to the server (from a volume listing). */
    public void attachedDisk(Provider provider, String serverId) {
        attachedDisks.merge(key(provider, serverId), 1, Integer::sum);
    }

    /** An alarm or alert rule watches this resource's CPU. */
    public void cpuAlarm(Provider provider, String resourceId) {
        cpuAlarmTargets.add(key(provider, resourceId));
    }

    /**
     * An alarm or alert rule that watches the CPU of every server it matches rather than of named resources, such as an
     * Azure alert rule scoped to a whole resource group or subscription.
     */
    public void cpuAlarmCovering(Predicate<Server> watched) {
        cpuAlarmCoverage.add(watched);
    }

    /**
     * The server already existed on this date (another file shows something of it created then, such as its oldest
     * database). It becomes the launch date when the server's own record has none; the earliest such date wins, and
     * it can only make the server look younger than it is, never older.
     */
    public void existedOn(Provider provider, String serverId, LocalDate date) {
        existedOn.merge(key(provider, serverId), date, InventoryBuilder::earliest);
    }

    /** CPU statistics of a server from a metrics export; they fill in what the server's own record does not tell. */
    public void cpu(Provider provider, String serverId, CpuStatistics statistics) {
        cpuStatistics.put(key(provider, serverId), statistics);
    }

    /** What a threat-detection service holds open about a server. */
    public void threat(ThreatFinding finding) {
        threats.add(finding);
    }

    /** All alarms of this account and region were read, so a server without one has none. */
    public void alarmsCollected(Provider provider, String account, String region) {
        alarmsCollected.add(key(provider, account, region));
    }

    public void agentReporting(Provider provider, String serverId) {
        agentsReporting.add(key(provider, serverId));
    }

    public void agentsCollected(Provider provider, String account, String region) {
        agentsCollected.add(key(provider, account, region));
    }

    /** A flow log records the traffic of this network, or of this subnet, interface or filter within one. */
    public void flowLog(Provider provider, String resourceId) {
        networksWithFlowLogs.add(key(provider, resourceId));
    }

    /** All flow logs of this account and region (region null: of every region) were read. */
    public void flowLogsCollected(Provider provider, String account, String region) {
        flowLogsCollected.add(key(provider, account, region));
    }

    /** Scope facts; facts about the same scope from several files combine, and a "true" from any file wins. */
    public void scope(Scope facts) {
        scopes.merge(key(facts.provider(), facts.account(), facts.region()), facts, InventoryBuilder::combine);
    }

    public void network(Network network) {
        networks.put(key(network.provider(), network.account(), network.id()), network);
    }

    public void gap(CoverageGap gap) {
        gaps.add(gap);
    }

    /** Requests a live source sent, by operation; added to what other sources sent. */
    public void apiCalls(Map<String, Long> byOperation) {
        byOperation.forEach((operation, calls) -> apiCalls.merge(operation, calls, Long::sum));
    }

    public void source(SourceFile file) {
        sources.add(file);
    }

    public int serverCount() {
        return drafts.size();
    }

    public Inventory build() {
        List<Server> servers = new ArrayList<>(drafts.size());
        Map<String, Network> allNetworks = new LinkedHashMap<>(networks);
        Map<String, List<NetworkInterface>> interfacesByServer = new HashMap<>();
        Map<String, List<NetworkInterface>> interfacesByNetwork = new HashMap<>();
        for (Interface entry : interfaces.values()) {
            NetworkInterface nic = entry.nic();
            if (nic.serverId() != null) {
                interfacesByServer.computeIfAbsent(key(entry.provider(), nic.serverId()), k -> new ArrayList<>()).add(nic);
            }
            nic.subnets().stream().map(NetworkInterface.Subnet::networkId).distinct().forEach(network ->
                    interfacesByNetwork.computeIfAbsent(key(entry.provider(), network), k -> new ArrayList<>()).add(nic));
        }
        // Worked out once per account and region rather than for each of its servers.
        Map<Place, ListingsRead> listingsRead = new HashMap<>();
        for (Draft draft : drafts.values()) {
            Server server = link(draft, interfacesByServer, listingsRead);
            servers.add(server);
            for (String networkId : server.networkIds()) {
                allNetworks.computeIfAbsent(key(server.provider(), server.account(), networkId),
                        k -> new Network(server.provider(), server.account(), server.region(), networkId, null));
            }
        }
        // Listed in one order whichever files they came from and in whatever order: the rule engine relies on it to
        // list each rule's findings without sorting them by server.
        servers.sort((a, b) -> Server.listingOrder(a.account(), a.id(), b.account(), b.id()));
        List<Network> resolvedNetworks = allNetworks.values().stream()
                .map(network -> withFlowLogs(network, interfacesByNetwork)).toList();
        return new Inventory(servers, List.copyOf(scopes.values()), resolvedNetworks, gaps, sources, apiCalls,
                threats);
    }

    private Server link(Draft draft, Map<String, List<NetworkInterface>> interfacesByServer,
                        Map<Place, ListingsRead> listingsRead) {
        Server partial = draft.partial();
        // The key every fact about the server itself is filed under, spelled out once rather than for each of them.
        String serverKey = key(partial.provider(), partial.id());
        // Its own values, tags as the first build made them: the server built again below keeps them, copying none.
        Server.Builder server = partial.toBuilder();
        Links links = draft.links();
        Image image = links.imageId() == null ? null : images.get(key(partial.provider(), links.imageId()));
        if (image != null) {
            if (imageTellsMore(partial.os(), image.os())) {
                server.os(image.os());
            }
            if (partial.image() == null || partial.image().equals(links.imageId())) {
                server.image(image.name());
            }
        }
        List<NetworkInterface> nics = interfacesOf(partial, links,
                interfacesByServer.getOrDefault(serverKey, List.of()));
        if (!links.securityGroupIds().isEmpty() || !nics.isEmpty()) {
            Set<IngressRule> ingress = new LinkedHashSet<>(partial.ingress());
            for (String groupId : links.securityGroupIds()) {
                ingress.addAll(securityGroups.getOrDefault(key(partial.provider(), groupId), List.of()));
            }
            nics.forEach(nic -> ingress.addAll(throughInterface(partial.provider(), nic)));
            server.ingress(List.copyOf(ingress));
        }
        if (partial.networkIds().isEmpty() && !nics.isEmpty()) {
            server.networkIds(nics.stream().flatMap(nic -> nic.subnets().stream())
                    .map(NetworkInterface.Subnet::networkId).distinct().toList());
        }
        LocalDate existed = existedOn.get(serverKey);
        if (partial.launchedOn() == null && existed != null) {
            server.launchedOn(existed);
        }
        CpuStatistics cpu = cpuStatistics.get(serverKey);
        if (partial.cpu() == null && cpu != null) {
            server.cpu(cpu);
        }
        DatabaseEngine installed = installedEngines.get(serverKey);
        if (installed != null && (partial.engine() == null || partial.engine().version() == null)) {
            server.engine(installed);
        }
        Integer disks = attachedDisks.get(serverKey);
        if (disks != null && (partial.attachedDisks() == null || disks > partial.attachedDisks())) {
            server.attachedDisks(disks);
        }
        Monitoring known = partial.monitoring();
        ListingsRead read = listingsRead.computeIfAbsent(
                new Place(partial.provider(), partial.account(), partial.region()), this::listingsRead);
        server.monitoring(new Monitoring(
                observed(known.cpuAlarm(), cpuAlarmTargets.contains(serverKey) || covered(partial), read.alarms()),
                known.detailedMonitoring(),
                observed(known.agent(), agentsReporting.contains(serverKey), read.agents())));
        // Linking gave some servers new values (rules through their groups, their monitoring): shared again.
        return server.sharing(shared).build();
    }

    /** The interfaces the server names, and those that name the server ({@code namingServer}). */
    private List<NetworkInterface> interfacesOf(Server server, Links links, List<NetworkInterface> namingServer) {
        if (links.interfaceIds().isEmpty() && namingServer.isEmpty()) {
            return List.of();
        }
        Map<String, NetworkInterface> found = new LinkedHashMap<>();
        for (String id : links.interfaceIds()) {
            Interface named = interfaces.get(key(server.provider(), id));
            if (named != null) {
                found.put(key(id), named.nic());
            }
        }
        for (NetworkInterface nic : namingServer) {
            found.putIfAbsent(key(nic.id()), nic);
        }
        return List.copyOf(found.values());
    }

    /** What reaches the server through this interface, in each of its subnets. */
    private List<IngressRule> throughInterface(Provider provider, NetworkInterface nic) {
        List<IngressRule> atInterface = filter(provider, nic.securityGroupId() == null ? "" : nic.securityGroupId());
        List<IngressRule> rules = new ArrayList<>();
        for (NetworkInterface.Subnet subnet : nic.subnets()) {
            List<IngressRule> atSubnet = filter(provider, subnetSecurityGroups.get(key(provider, subnet.id())));
            rules.addAll(InterfaceIngress.reaching(nic.internetFacing(), atSubnet, atInterface));
        }
        return rules;
    }

    /** What a filter lets in: everything for none (an empty id), null when it is unknown or was not read. */
    private List<IngressRule> filter(Provider provider, String securityGroupId) {
        if (securityGroupId == null) {
            return null;
        }
        return securityGroupId.isEmpty() ? InterfaceIngress.UNFILTERED
                : securityGroups.get(key(provider, securityGroupId));
    }

    private boolean covered(Server server) {
        // A loop, not a stream: it runs for every server, and most inventories have no such alarm.
        for (Predicate<Server> watched : cpuAlarmCoverage) {
            if (watched.test(server)) {
                return true;
            }
        }
        return false;
    }

    /** The image's operating system replaces none, or a hint without a version (an EC2 platform "Windows"). */
    private static boolean imageTellsMore(OperatingSystem known, OperatingSystem fromImage) {
        return known == null
                || (known.version() == null && fromImage != null && fromImage.product() != null);
    }

    /** True when seen; false when the listing that would show it was read for the server's account and region. */
    private static Boolean observed(Boolean known, boolean seen, boolean listingRead) {
        if (Boolean.TRUE.equals(known) || seen) {
            return true;
        }
        return listingRead ? Boolean.FALSE : known;
    }

    private ListingsRead listingsRead(Place scope) {
        return new ListingsRead(wasRead(alarmsCollected, scope.provider(), scope.account(), scope.name()),
                wasRead(agentsCollected, scope.provider(), scope.account(), scope.name()));
    }

    /** True when the listing was read for the account and region, or for the whole account (region null). */
    private static boolean wasRead(Set<String> collected, Provider provider, String account, String region) {
        return collected.contains(key(provider, account, region)) || collected.contains(key(provider, account, null));
    }

    /**
     * A network's traffic is recorded when a flow log records the network, or each interface in it that the inventory
     * knows (through the interface, its filter, its subnet or its subnet's filter, as Azure's flow logs can target
     * each). When only some are, neither is true: the fact stays as it was.
     */
    private Network withFlowLogs(Network network, Map<String, List<NetworkInterface>> interfacesByNetwork) {
        List<NetworkInterface> nics = interfacesByNetwork.getOrDefault(key(network.provider(), network.id()), List.of());
        long recorded = nics.stream().filter(nic -> flowLogged(network.provider(), nic)).count();
        if (networksWithFlowLogs.contains(key(network.provider(), network.id()))
                || (!nics.isEmpty() && recorded == nics.size())) {
            return new Network(network.provider(), network.account(), network.region(), network.id(), true);
        }
        if (recorded > 0) {
            return network;
        }
        // A listing of one region, or of the whole account (a live Resource Graph query spans every region).
        if (wasRead(flowLogsCollected, network.provider(), network.account(), network.region())
                && network.flowLogs() == null) {
            return new Network(network.provider(), network.account(), network.region(), network.id(), false);
        }
        return network;
    }

    private boolean flowLogged(Provider provider, NetworkInterface nic) {
        return logged(provider, nic.id()) || logged(provider, nic.securityGroupId())
                || nic.subnets().stream().anyMatch(subnet -> logged(provider, subnet.id())
                        || logged(provider, subnetSecurityGroups.get(key(provider, subnet.id()))));
    }

    private boolean logged(Provider provider, String resourceId) {
        return resourceId != null && !resourceId.isEmpty() && networksWithFlowLogs.contains(key(provider, resourceId));
    }

    /** Of two filters known for a subnet (an empty id for none), the first that names one. */
    private static String namedFilterWins(String known, String other) {
        return known.isEmpty() ? other : known;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Scope combine(Scope a, Scope b) {
        return new Scope(a.provider(), a.account(), a.region(),
                either(a.threatDetectionForServers(), b.threatDetectionForServers()),
                either(a.threatDetectionForDatabases(), b.threatDetectionForDatabases()),
                either(a.auditTrail(), b.auditTrail()));
    }

    private static Boolean either(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a != null ? a : b;
    }

    private static String key(Object... parts) {
        StringBuilder key = new StringBuilder(64);
        for (Object part : parts) {
            // Ids in lower case, as Azure spells one id in several cases; a provider as its constant, which needs no
            // new string for each of the millions of keys of a large inventory.
            key.append(part == null ? "" : part instanceof Provider provider ? provider.name()
                    : part.toString().toLowerCase(Locale.ROOT)).append('|');
        }
        return key.toString();
    }
}
