package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;

import java.util.List;

/**
 * One check. A rule is a pure function of the inventory, the settings and the audit date held by the context,
 * so the same inputs always give the same findings. Rules are found with {@link java.util.ServiceLoader}:
 * a new rule is a new class plus its line in {@code META-INF/services/io.github.cloudaudit.rules.Rule}.
 */
public interface Rule {

    RuleMetadata metadata();

    /**
     * @param context the inventory, audit date, settings and derived server facts
     * @param earlier findings of all non-composite rules, for composite rules; empty for the others
     */
    List<Finding> evaluate(AuditContext context, List<Finding> earlier);

    /**
     * The settings this rule owns, each with its key under the rule's entry in {@code cloud-audit.yml}, its type
     * and default. Settings every rule shares are {@link AuditSettings#SHARED}.
     */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /** Composite rules run after all others and read their findings. */
    default boolean composite() {
        return false;
    }
}
