package io.github.cloudaudit.model;

/**
 * A VPC or virtual network.
 *
 * @param flowLogs true when a flow log records its traffic; null when no flow log data was provided
 */
public record Network(Provider provider, String account, String region, String id, Boolean flowLogs) {
}
