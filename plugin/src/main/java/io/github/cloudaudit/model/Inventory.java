package io.github.cloudaudit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The normalized inventory every source produces and every rule reads: servers (virtual machines and managed
 * databases), scopes (account, region and subscription facts), networks (flow logs), threat findings of the clouds'
 * detection services, coverage gaps (what could not be collected) and the source files read and skipped.
 */
public final class Inventory {

    private final List<Server> servers;
    private final List<Scope> scopes;
    private final List<Network> networks;
    private final List<CoverageGap> gaps;
    private final List<SourceFile> sources;
    private final Map<String, Long> apiCalls;
    private final List<ThreatFinding> threats;
    private final Map<String, List<ThreatFinding>> threatIndex = new HashMap<>();
    private final Map<Place, Scope> scopeIndex = new HashMap<>();
    private final Map<Place, Network> networkIndex = new HashMap<>();

    public Inventory(List<Server> servers, List<Scope> scopes, List<Network> networks,
                     List<CoverageGap> gaps, List<SourceFile> sources) {
        this(servers, scopes, networks, gaps, sources, Map.of());
    }

    /** @param apiCalls requests live sources sent, by operation such as {@code ec2:DescribeInstances} */
    public Inventory(List<Server> servers, List<Scope> scopes, List<Network> networks,
                     List<CoverageGap> gaps, List<SourceFile> sources, Map<String, Long> apiCalls) {
        this(servers, scopes, networks, gaps, sources, apiCalls, List.of());
    }

    /** @param threats what threat-detection services hold open about servers */
    public Inventory(List<Server> servers, List<Scope> scopes, List<Network> networks, List<CoverageGap> gaps,
                     List<SourceFile> sources, Map<String, Long> apiCalls, List<ThreatFinding> threats) {
        this.threats = List.copyOf(threats);
        threats.forEach(t -> threatIndex.computeIfAbsent(t.serverKey(), k -> new ArrayList<>()).add(t));
        this.apiCalls = Collections.unmodifiableMap(new TreeMap<>(apiCalls));
        this.servers = List.copyOf(servers);
        this.scopes = List.copyOf(scopes);
        this.networks = List.copyOf(networks);
        this.gaps = List.copyOf(gaps);
        this.sources = List.copyOf(sources);
        scopes.forEach(s -> scopeIndex.put(new Place(s.provider(), s.account(), s.region()), s));
        networks.forEach(n -> networkIndex.put(new Place(n.provider(), n.account(), n.id()), n));
    }

    public List<Server> servers() { return servers; }
    public List<Scope> scopes() { return scopes; }
    public List<Network> networks() { return networks; }
    public List<CoverageGap> gaps() { return gaps; }
    public List<SourceFile> sources() { return sources; }
    public Map<String, Long> apiCalls() { return apiCalls; }
    public List<ThreatFinding> threats() { return threats; }

    /** What threat-detection services hold open about the server; empty when nothing or not known. */
    public List<ThreatFinding> threats(Server server) {
        // Most inventories hold no threat findings: then no server's key need be spelled out to look it up.
        return threatIndex.isEmpty() ? List.of() : threatIndex.getOrDefault(server.key(), List.of());
    }

    /** The scope of a server's own region, if the inventory has facts for it. */
    public Optional<Scope> regionScope(Server server) {
        return server.region() == null ? Optional.empty()
                : Optional.ofNullable(scopeIndex.get(new Place(server.provider(), server.account(), server.region())));
    }

    /** The account-wide or subscription-wide scope (region null), if the inventory has facts for it. */
    public Optional<Scope> accountScope(Server server) {
        return Optional.ofNullable(scopeIndex.get(new Place(server.provider(), server.account(), null)));
    }

    public Optional<Network> network(Provider provider, String account, String networkId) {
        return Optional.ofNullable(networkIndex.get(new Place(provider, account, networkId)));
    }
}
