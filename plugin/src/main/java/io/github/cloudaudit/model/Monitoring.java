package io.github.cloudaudit.model;

/**
 * What watches one server. Each fact is null when the inventory cannot tell: unknown is never "fine".
 *
 * @param cpuAlarm           an alarm or alert rule watches its CPU
 * @param detailedMonitoring EC2 detailed (1-minute) monitoring or RDS enhanced monitoring is on
 * @param agent              a management or monitoring agent reports from it (SSM, Azure Monitor agent)
 */
public record Monitoring(Boolean cpuAlarm, Boolean detailedMonitoring, Boolean agent) {

    public static final Monitoring UNKNOWN = new Monitoring(null, null, null);
}
