package io.github.cloudaudit.model;

/**
 * CPU utilization of a server over a recent period.
 *
 * @param periodDays     how many days the statistics cover
 * @param averagePercent mean utilization over the period
 * @param maximumPercent highest sample in the period
 */
public record CpuStatistics(int periodDays, double averagePercent, double maximumPercent) {
}
