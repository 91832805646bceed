package io.github.cloudaudit.findings;

import java.util.Locale;

/** How bad a finding is, worst first. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFO;

    /** One step worse, capped at CRITICAL. */
    public Severity raised() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() - 1];
    }

    /** This severity, or the cap when this is worse than the cap. */
    public Severity atMost(Severity cap) {
        return atLeast(cap) ? cap : this;
    }

    /** True when this is as bad as the threshold or worse. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a severity name case-insensitively, with a message that lists the valid ones. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text
                    + "': expected one of CRITICAL, HIGH, MEDIUM, LOW, INFO", e);
        }
    }
}
