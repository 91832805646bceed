package io.github.cloudaudit.source;

/** Counts its instances: a YAML tag naming it must never create one. */
public final class Tripwire {

    static int instances;

    public Tripwire() {
        instances++;
    }

    public Tripwire(String value) {
        instances++;
    }
}
