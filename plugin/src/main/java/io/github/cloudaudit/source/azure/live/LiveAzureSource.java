package io.github.cloudaudit.source.azure.live;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.util.Configuration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.azure.AzureGraphRows;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads Azure live: every subscription the identity can read (or those named), through Resource Graph, which spans
 * many subscriptions in one paged query. Each row is an ARM resource and goes through the same mapping as the Azure
 * CLI's lists; then each {@link SubscriptionCollector} reads what Resource Graph has not. What cannot be read becomes
 * a coverage gap naming subscription and query, never a failed audit and never silence. Everything is keyed by
 * subscription id: display names need not be unique.
 */
public final class LiveAzureSource implements InventorySource {

    /** The ARM resources the audit reads; rows of types without a mapping yet are passed over by the mapping. */
    static final GraphQuery RESOURCES = new GraphQuery("resources", List.of(
            "Microsoft.Compute/virtualMachines", "Microsoft.Compute/virtualMachines/extensions",
            "Microsoft.Network/networkInterfaces", "Microsoft.Network/networkSecurityGroups",
            "Microsoft.Network/virtualNetworks", "Microsoft.Network/networkWatchers/flowLogs",
            "Microsoft.Sql/servers", "Microsoft.Sql/servers/databases", "Microsoft.Sql/managedInstances",
            "Microsoft.SqlVirtualMachine/sqlVirtualMachines", "Microsoft.DBforPostgreSQL/flexibleServers",
            "Microsoft.DBforMySQL/flexibleServers", "Microsoft.DocumentDB/databaseAccounts",
            "Microsoft.Insights/metricAlerts"));
    /** Defender for Cloud's plans and alerts, which Resource Graph keeps in a table of their own. */
    static final GraphQuery SECURITY_RESOURCES = new GraphQuery("securityresources", List.of(
            "Microsoft.Security/pricings", "Microsoft.Security/locations/alerts"));

    private static final String VIRTUAL_MACHINES = "microsoft.compute/virtualmachines";

    /**
     * The readings of each subscription beside Resource Graph, in the order they run. This is the one place where a
     * collector plugs in: add it here.
     */
    static final List<SubscriptionCollector> COLLECTORS = List.of(new CpuMetricsBatches(Clock.systemUTC()),
            new ActivityLogExports());

    /** Variables that hold secrets; their values are cut from any message that could reach the log. */
    private static final List<String> SECRET_VARIABLES = List.of("AZURE_CLIENT_SECRET",
            "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_PASSWORD");

    private final AzureSettings settings;
    private final Configuration environment;
    private final SSLContext tls;
    private final List<SubscriptionCollector> collectors;

    /** Signs in with {@code DefaultAzureCredential} from the environment; TLS trust from the JVM's settings. */
    public LiveAzureSource(AzureSettings settings) {
        this(settings, Configuration.getGlobalConfiguration(), null, COLLECTORS);
    }

    LiveAzureSource(AzureSettings settings, Configuration environment, SSLContext tls,
                    List<SubscriptionCollector> collectors) {
        this.settings = settings;
        this.environment = environment;
        this.tls = tls;
        this.collectors = List.copyOf(collectors);
    }

    @Override
    public String describe() {
        return "azure: " + (settings.subscriptions().isEmpty() ? "every subscription the identity can read"
                : settings.subscriptions().size() + " subscription(s)")
                + (settings.tenantId() == null ? "" : " of tenant " + settings.tenantId());
    }

    @Override
    public void collect(InventoryBuilder builder, Log log) throws IOException {
        Instant start = Instant.now();
        AzurePipelines pipelines = new AzurePipelines(settings, environment, tls);
        List<String> subscriptions = subscriptions(pipelines, builder);
        log.info().accept(String.format("Azure: reading %d subscription(s) through Resource Graph, up to %d per query",
                subscriptions.size(), ResourceGraph.SUBSCRIPTIONS_PER_QUERY));
        ResourceGraph graph = new ResourceGraph(pipelines.resourceManager(), settings.resourceManager());
        Map<String, List<JsonNode>> virtualMachines = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (GraphQuery query : List.of(RESOURCES, SECURITY_RESOURCES)) {
            Instant queryStart = Instant.now();
            int[] rows = {0};
            ResourceGraph.Result result = graph.read(query, subscriptions, (row, origin) -> {
                rows[0]++;
                AzureGraphRows.map(row, origin, builder);
                if (VIRTUAL_MACHINES.equalsIgnoreCase(row.path("type").asText())) {
                    virtualMachines.computeIfAbsent(origin.account(), s -> new ArrayList<>()).add(identity(row));
                }
            });
            new TreeSet<>(result.complete()).forEach(s -> AzureGraphRows.complete(builder, s, query.types()));
            result.gaps().forEach(builder::gap);
            log.info().accept(String.format("Azure %s: %d row(s), %d gap(s) in %.1f s", query.operation(), rows[0],
                    result.gaps().size(), seconds(queryStart)));
        }
        for (String subscription : subscriptions) {
            for (SubscriptionCollector collector : collectors) {
                collector.collect(new SubscriptionReading(subscription,
                        virtualMachines.getOrDefault(subscription, List.of()), settings, pipelines, builder));
            }
        }
        builder.apiCalls(pipelines.calls().byOperation());
        log.info().accept(String.format("Azure: made %d call(s) in %.1f s, %.1f s of it waiting for the Resource "
                + "Graph quota", pipelines.calls().total(), seconds(start),
                pipelines.quota().waited().toMillis() / 1000.0));
    }

    /**
     * The subscriptions to read, by id: those named, else every one listed (of the tenant, when one is named). A named
     * subscription the identity cannot see is a gap; no subscription at all is an error, as it would be an empty audit.
     */
    private List<String> subscriptions(AzurePipelines pipelines, InventoryBuilder builder) throws IOException {
        List<Subscriptions.Listed> listed;
        try {
            listed = Subscriptions.list(pipelines.resourceManager(), settings.resourceManager());
        } catch (ClientAuthenticationException e) {
            throw new IOException("Azure: cannot sign in (" + redacted(e.getMessage()) + "); set AZURE_TENANT_ID, "
                    + "AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE, run on a managed "
                    + "identity or sign in with az login; see docs/live-azure.md");
        } catch (RuntimeException e) {
            throw new IOException("Azure: Resource Manager at " + settings.resourceManager() + " does not answer ("
                    + redacted(AzureErrors.reason(e)) + ")");
        }
        Set<String> readable = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Subscriptions.Listed subscription : listed) {
            if (settings.tenantGuid() == null || settings.tenantGuid().equalsIgnoreCase(subscription.tenantId())) {
                readable.add(subscription.id());
            }
        }
        if (settings.subscriptions().isEmpty()) {
            if (readable.isEmpty()) {
                throw new IOException("Azure: the identity can read no subscription" + (settings.tenantId() == null
                        ? "" : " of tenant " + settings.tenantId()) + "; give it the Reader role on the subscriptions "
                        + "to audit (docs/live-azure.md)");
            }
            return List.copyOf(readable);
        }
        List<String> named = new ArrayList<>();
        for (String subscription : new TreeSet<>(settings.subscriptions())) {
            if (readable.contains(subscription)) {
                named.add(subscription);
            } else {
                builder.gap(new CoverageGap(Provider.AZURE, subscription, null, Subscriptions.OPERATION,
                        "the identity cannot read this subscription: GET /subscriptions does not list it; give it the "
                                + "Reader role (docs/live-azure.md)"));
            }
        }
        return named;
    }

    /** What collectors need of a VM: a whole ARM resource is kilobytes, and a tenant can have many thousands. */
    private static JsonNode identity(JsonNode vm) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String key : List.of("id", "name", "type", "location")) {
            if (vm.has(key)) {
                kept.set(key, vm.get(key));
            }
        }
        return kept;
    }

    /** A message from the sign-in or the HTTP stack, on one line, without any secret the environment holds. */
    private String redacted(String message) {
        String text = message == null ? "no reason given" : message.replaceAll("\\s+", " ").trim();
        for (String variable : SECRET_VARIABLES) {
            String secret = environment.get(variable);
            if (secret != null && !secret.isBlank()) {
                text = text.replace(secret, "***");
            }
        }
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private static double seconds(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
