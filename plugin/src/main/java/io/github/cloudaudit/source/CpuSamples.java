package io.github.cloudaudit.source;

import io.github.cloudaudit.model.CpuStatistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * CPU utilization samples of one server taken at equal intervals, as metric exports list them, summed up into
 * {@link CpuStatistics}: the mean of the samples, the highest peak, and the days the intervals span.
 */
public final class CpuSamples {

    private static final double MINUTES_PER_DAY = Duration.ofDays(1).toMinutes();

    private double sum;
    private double maximum;
    private int count;
    private Instant first;
    private Instant last;

    /**
     * @param at      the start of the interval
     * @param average the interval's average utilization in percent
     * @param peak    the interval's highest utilization, the average when the export holds no peak
     */
    public void add(Instant at, double average, double peak) {
        sum += average;
        maximum = Math.max(maximum, peak);
        count++;
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
    }

    /** The statistics; empty without samples. One sample spans no known time, so it covers zero days. */
    public Optional<CpuStatistics> statistics() {
        if (count == 0) {
            return Optional.empty();
        }
        // n samples at equal intervals cover n intervals, of which their timestamps show n - 1.
        double days = count == 1 ? 0
                : Duration.between(first, last).toMinutes() * count / (double) (count - 1) / MINUTES_PER_DAY;
        return Optional.of(new CpuStatistics((int) Math.round(days), sum / count, maximum));
    }
}
