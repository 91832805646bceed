package io.github.cloudaudit.source.azure.live;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a tenant of 20 subscriptions holding 20,000 VMs from {@link AzureTestServer}, every answer 100 ms late, and
 * prints wall time, calls and heap beside their floors: the calls floor is the subscription list plus every page
 * once; the wall floor is those calls one after another at 100 ms. The quota is set high, so that what is measured
 * is the plugin, not the waiting Resource Graph's quota would add (15 queries per 5 seconds: 21 queries wait about
 * 5 seconds more). Then it reads the CPU metrics of one subscription's VMs, with the calls one after another and as
 * many at once as the plugin sends. Not a test; run it as docs/live-azure.md says. Arguments: VMs (default 20000),
 * subscriptions (default 20), VMs whose metrics are read (default 5000).
 */
public final class LiveAzureBenchmark {

    private static final int LATENCY_MILLIS = 100;

    private LiveAzureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int subscriptionCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (AzureTestServer server = AzureTestServer.start()) {
            List<String> subscriptions = new ArrayList<>();
            for (int s = 0; s < subscriptionCount; s++) {
                String subscription = String.format("00000000-0000-4000-8000-%012d", s);
                subscriptions.add(subscription);
                server.subscription(subscription, "Subscription " + s);
                server.securityResource(ArmResources.defenderPlan(subscription, "VirtualMachines", "Standard"));
            }
            for (int i = 0; i < vms; i++) {
                server.resource(ArmResources.vm(subscriptions.get(i % subscriptionCount), "vm-" + i));
            }
            server.graph().quota(1_000_000, Duration.ofSeconds(1));
            server.wireMock().setGlobalFixedDelay(LATENCY_MILLIS);
            AzureSettings settings = AzureSettings.of(null, List.of(), AzureCloud.AZURE_CLOUD,
                    URI.create(server.baseUrl()), null);
            read(server, settings); // loads and warms the SDK; not counted
            server.wireMock().resetRequests();
            long callsFloor = 1 + (vms + ResourceGraph.ROWS_PER_PAGE - 1) / ResourceGraph.ROWS_PER_PAGE + 1;

            long start = System.nanoTime();
            Inventory inventory = read(server, settings);
            double wall = (System.nanoTime() - start) / 1e9;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

            long calls = server.requests().stream().filter(r -> !r.getUrl().contains("/oauth2/")).count();
            System.out.printf(Locale.ROOT, "%d VMs in %d subscriptions, %d ms per call%n", vms, subscriptionCount,
                    LATENCY_MILLIS);
            System.out.printf(Locale.ROOT, "%8s %8s %12s %10s %14s %14s%n", "wall s", "calls", "calls floor",
                    "servers", "wall floor s", "heap MB after");
            System.out.printf(Locale.ROOT, "%8.1f %8d %12d %10d %14.1f %14d%n", wall, calls, callsFloor,
                    inventory.servers().size(), callsFloor * LATENCY_MILLIS / 1000.0, heap / (1024 * 1024));
        }
        metrics(args.length > 2 ? Integer.parseInt(args[2]) : 5_000);
    }

    /**
     * CPU metrics of one subscription's VMs, 14 days of hourly points each, 50 VMs to a call: with the calls one
     * after another and as many at once as the plugin sends, each beside its floor (the Resource Graph calls, then
     * the metrics calls in rounds of that many, at 100 ms each).
     */
    private static void metrics(int vms) throws Exception {
        try (AzureTestServer server = AzureTestServer.start()) {
            String subscription = "00000000-0000-4000-8000-000000000000";
            server.subscription(subscription, "Subscription 0");
            for (int i = 0; i < vms; i++) {
                server.resource(ArmResources.vm(subscription, "vm-" + i));
            }
            server.graph().quota(1_000_000, Duration.ofSeconds(1));
            server.answerMetrics().points(14 * 24, 20.0);
            server.wireMock().setGlobalFixedDelay(LATENCY_MILLIS);
            AzureSettings settings = AzureSettings.of(null, List.of(), AzureCloud.AZURE_CLOUD,
                    URI.create(server.baseUrl()), URI.create(server.baseUrl()));
            Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:30:00Z"), ZoneOffset.UTC);
            read(server, settings, List.of(new CpuMetricsBatches(clock))); // warms the mapping up; not counted
            long graphCalls = 1 + (vms + ResourceGraph.ROWS_PER_PAGE - 1) / ResourceGraph.ROWS_PER_PAGE + 1;
            long metricCalls = (vms + CpuMetricsBatches.RESOURCES_PER_CALL - 1) / CpuMetricsBatches.RESOURCES_PER_CALL;
            System.out.printf(Locale.ROOT, "%nCPU metrics of %d VMs in one subscription, %d hourly points each, "
                    + "%d ms per call%n", vms, 14 * 24, LATENCY_MILLIS);
            System.out.printf(Locale.ROOT, "%16s %8s %8s %14s %14s%n", "calls at once", "wall s", "calls",
                    "VMs with CPU", "wall floor s");
            for (int atOnce : new int[] {1, CpuMetricsBatches.CONCURRENT_CALLS}) {
                server.wireMock().resetRequests();
                long start = System.nanoTime();
                Inventory inventory = read(server, settings, List.of(new CpuMetricsBatches(clock, atOnce)));
                double wall = (System.nanoTime() - start) / 1e9;
                long calls = server.requests().stream().filter(r -> !r.getUrl().contains("/oauth2/")).count();
                long withCpu = inventory.servers().stream().filter(vm -> vm.cpu() != null).count();
                long rounds = graphCalls + (metricCalls + atOnce - 1) / atOnce;
                System.out.printf(Locale.ROOT, "%16d %8.1f %8d %14d %14.1f%n", atOnce, wall, calls, withCpu,
                        rounds * LATENCY_MILLIS / 1000.0);
            }
        }
    }

    private static Inventory read(AzureTestServer server, AzureSettings settings) throws Exception {
        return read(server, settings, List.of());
    }

    private static Inventory read(AzureTestServer server, AzureSettings settings,
                                  List<SubscriptionCollector> collectors) throws Exception {
        InventoryBuilder builder = new InventoryBuilder();
        new LiveAzureSource(settings, server.environment(), AzureTestServer.sslContext(), collectors)
                .collect(builder, new InventorySource.Log(line -> { }, line -> { }));
        return builder.build();
    }
}
