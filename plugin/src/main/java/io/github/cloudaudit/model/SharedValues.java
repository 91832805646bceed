package io.github.cloudaudit.model;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each value that many servers repeat: a fleet has a handful of instance types, images, operating
 * systems, networks, rule sets and launch days. The values are immutable, so one copy serves every server that has an
 * equal one. Without it, a hundred thousand servers held about eleven copies each of such values, half of what was
 * left on the heap after reading, which the garbage collector copied and traced again and again while the audit ran.
 * Not for several threads at once: each inventory builder has its own.
 */
public final class SharedValues {

    private final Map<Object, Object> copies = new HashMap<>();

    /** The one copy of a value equal to this one, which is this one the first time; null for null. */
    @SuppressWarnings("unchecked")
    public <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object first = copies.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }
}
