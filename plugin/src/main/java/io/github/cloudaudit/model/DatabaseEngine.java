package io.github.cloudaudit.model;

/**
 * A database engine, either of a managed service or detected on a virtual machine.
 *
 * @param product lifecycle key: mysql, postgresql, mariadb, sqlserver, oracle, mongodb, ...
 * @param version engine version as reported ({@code 5.7.44}, {@code 12.00.6449.1.v1}); null when unknown
 */
public record DatabaseEngine(String product, String version) {
}
