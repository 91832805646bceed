package io.github.cloudaudit.audit;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How long a stage took, as the build log states it: wall-clock time and the CPU time the whole process spent
 * meanwhile ({@code 2.4 s, 3.9 s CPU}), all threads, garbage collection and compilation included. On a shared
 * machine the wall-clock time depends on the neighbours; the CPU time much less.
 */
public final class Stopwatch {

    private final Instant start = Instant.now();
    private final long cpuStart;

    private Stopwatch(boolean withCpu) {
        cpuStart = withCpu ? processCpuNanos() : -1;
    }

    public static Stopwatch start() {
        return new Stopwatch(true);
    }

    /**
     * A stopwatch of wall-clock time only, for work that shares the process with other work at the same time: the
     * process's CPU time would count the others' too.
     */
    public static Stopwatch startWallClock() {
        return new Stopwatch(false);
    }

    @Override
    public String toString() {
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        long cpuEnd = processCpuNanos();
        return cpuStart < 0 || cpuEnd < 0 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%.1f s, %.1f s CPU", seconds, (cpuEnd - cpuStart) / 1e9);
    }

    /** The process's CPU time so far, or -1 where the runtime does not tell it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
