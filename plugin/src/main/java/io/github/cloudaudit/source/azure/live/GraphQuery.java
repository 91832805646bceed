package io.github.cloudaudit.source.azure.live;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Resource Graph query for whole resources of some types from one table, without {@code project}: each row is the
 * resource's ARM JSON, as {@code az ... list} prints it, and goes through the same mapping. Joins are the inventory
 * builder's, not KQL's.
 *
 * @param table {@code resources}, or {@code securityresources} for Defender for Cloud
 * @param types resource types, in any letter case
 */
record GraphQuery(String table, List<String> types) {

    GraphQuery {
        types = types.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
    }

    /** The name its calls are counted and its gaps named by, e.g. {@code resourcegraph:resources}. */
    String operation() {
        return "resourcegraph:" + table;
    }

    String kql() {
        return table + " | where type in~ (" + types.stream().map(type -> "'" + type + "'")
                .collect(Collectors.joining(", ")) + ")";
    }
}
