package io.github.cloudaudit.findings;

/** What a rule looks for; the report groups findings by it. */
public enum Category {
    THREAT,
    LEGACY,
    ORPHANED,
    MONITORING,
    EXPOSURE,
    RISK,
    COVERAGE
}
