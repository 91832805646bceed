package io.github.cloudaudit.benchmark;

import io.github.cloudaudit.lifecycle.LifecycleCatalog;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.source.InventoryLoader;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Where the rule phase's CPU goes: the rules run several times over one inventory in one JVM, and each run prints
 * its wall-clock time, the process's CPU time, and how much of it the JIT compiler and the garbage collector took.
 * The first run is what an audit pays; the later ones are the rules' own cost once their code is compiled.
 *
 * <p>Usage: {@code RulePhase <inventory folder> <runs>}
 */
public final class RulePhase {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);

    private RulePhase() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RulePhase <inventory folder> <runs>");
            System.exit(2);
        }
        Inventory inventory = InventoryLoader.withBuiltInReaders(line -> { }).load(List.of(Path.of(args[0])));
        for (int run = 1; run <= Integer.parseInt(args[1]); run++) {
            Sample before = Sample.now();
            // As an audit in English builds it: findings keep only their English texts.
            AuditContext context = new AuditContext(inventory, AUDIT_DATE, AuditSettings.defaults(),
                    LifecycleCatalog.builtIn(LifecycleCatalog.OPERATING_SYSTEMS),
                    LifecycleCatalog.builtIn(LifecycleCatalog.DATABASE_ENGINES), false);
            int findings = RuleEngine.withBuiltInRules().run(context).size();
            Sample spent = Sample.now().minus(before);
            System.out.printf(Locale.ROOT, "rule phase run %d: %,d findings in %.1f s, %.1f s CPU"
                            + " (JIT compiler %.1f s, garbage collector pauses %.1f s, the rest %.1f s)%n", run, findings,
                    spent.wallNanos / 1e9, spent.cpuNanos / 1e9, spent.compileMillis / 1e3, spent.gcMillis / 1e3,
                    (spent.cpuNanos / 1e6 - spent.compileMillis - spent.gcMillis) / 1e3);
        }
    }

    /**
     * The clocks at one moment. The compiler's and the collectors' times are their threads' elapsed times as the JVM
     * counts them; on a machine where they never wait for a processor that is their CPU time.
     */
    private record Sample(long wallNanos, long cpuNanos, long compileMillis, long gcMillis) {

        static Sample now() {
            long gc = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, collector.getCollectionTime());
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Sample(System.nanoTime(), os.getProcessCpuTime(),
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
        }

        Sample minus(Sample earlier) {
            return new Sample(wallNanos - earlier.wallNanos, cpuNanos - earlier.cpuNanos,
                    compileMillis - earlier.compileMillis, gcMillis - earlier.gcMillis);
        }
    }
}
