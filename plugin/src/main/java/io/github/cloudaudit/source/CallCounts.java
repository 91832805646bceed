package io.github.cloudaudit.source;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests sent to a cloud's API, retries included, by operation; safe to count from many threads. */
public final class CallCounts {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    public void add(String operation) {
        byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    /** Requests by operation, sorted by name. */
    public Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
