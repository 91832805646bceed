package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether a server hosts a database, and says why. */
final class DatabaseDetector {

    /** Well-known database ports and the engine usually behind them. */
    static final Map<Integer, String> DATABASE_PORTS = databasePorts();

    // "sql_?20NN" catches AWS and Azure SQL Server images: Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP2_Standard, SQL2014SP3-WS2012R2.
    private static final Pattern ENGINE_IN_NAME = Pattern.compile(
            "(?i)\\b(mysql|mariadb|postgres(?:ql)?|sql ?server|mssql|sql_?20\\d\\d|oracle|mongo(?:db)?|redis|cassandra|"
                    + "elasticsearch|opensearch|couchdb|db2|cockroach(?:db)?|neo4j|percona)");

    private final Map<String, String> databaseTags;
    /**
     * The engine each image's name names, empty when none: a fleet runs a few images on many servers, and matching
     * the pattern against the same name again for each of them showed high in a profile of the rule phase.
     */
    private final Map<String, Optional<String>> engineInImage = new ConcurrentHashMap<>();

    DatabaseDetector(Map<String, String> databaseTags) {
        this.databaseTags = databaseTags;
    }

    List<Text> evidence(Server server) {
        List<Text> evidence = new ArrayList<>();
        if (server.kind() == ResourceKind.MANAGED_DATABASE) {
            evidence.add(server.engine() != null
                    ? Text.of("database.managedService.engine", server.engine().product())
                    : Text.of("database.managedService"));
        } else if (server.engine() != null) {
            evidence.add(Text.of("database.engineReported", server.engine().product()));
        }
        portEvidence(server).ifPresent(evidence::add);
        if (server.image() != null) {
            engineInImage.computeIfAbsent(server.image(), DatabaseDetector::engineNamedIn)
                    .ifPresent(engine -> evidence.add(Text.of("database.imageNames", server.image(), engine)));
        }
        databaseTags.forEach((key, value) -> server.tag(key)
                .filter(actual -> value.equals("*") || actual.equalsIgnoreCase(value))
                .ifPresent(actual -> evidence.add(Text.of("database.tag", key, actual))));
        return evidence;
    }

    private static Optional<String> engineNamedIn(String image) {
        Matcher matcher = ENGINE_IN_NAME.matcher(image);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Text> portEvidence(Server server) {
        for (Map.Entry<Integer, String> port : DATABASE_PORTS.entrySet()) {
            for (IngressRule rule : server.ingress()) {
                // An all-ports rule says nothing about what listens; only a rule naming the port is evidence.
                if (!coversAllPorts(rule) && rule.allowsTcpPort(port.getKey())) {
                    return Optional.of(rule.via() != null
                            ? Text.of("database.portOpenVia", port.getKey(), port.getValue(), rule.source(), rule.via())
                            : Text.of("database.portOpen", port.getKey(), port.getValue(), rule.source()));
                }
            }
        }
        return Optional.empty();
    }

    /** True when a rule opens every port rather than naming some. */
    static boolean coversAllPorts(IngressRule rule) {
        return rule.fromPort() == null || rule.toPort() == null
                || (rule.fromPort() <= 0 && rule.toPort() >= 65535) || rule.fromPort() == -1;
    }

    private static Map<Integer, String> databasePorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(1433, "SQL Server");
        ports.put(1521, "Oracle");
        ports.put(3306, "MySQL/MariaDB");
        ports.put(5432, "PostgreSQL");
        ports.put(6379, "Redis");
        ports.put(9042, "Cassandra");
        ports.put(9200, "Elasticsearch");
        ports.put(27017, "MongoDB");
        ports.put(5984, "CouchDB");
        ports.put(50000, "Db2");
        ports.put(33060, "MySQL X Protocol");
        ports.put(26257, "CockroachDB");
        ports.put(7687, "Neo4j");
        ports.put(8529, "ArangoDB");
        return java.util.Collections.unmodifiableMap(ports);
    }
}
