package io.github.cloudaudit.benchmark;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One EC2 instance of the synthetic fleet with every fact either output format needs.
 *
 * @param startsReservation true when this instance opens a new reservation; false when it was launched together
 *                          with the instance before it
 * @param image             the image it was launched from; null when that image was deregistered since
 * @param publicIp          null when the instance has no public address
 * @param stoppedAt         when it was stopped; null while it runs
 * @param engineProduct     the database engine running on it (normalized inventory only), null when none
 * @param cpuAverage        mean CPU over 14 days, null when stopped (no datapoints)
 */
record SyntheticServer(String instanceId, String reservationId, boolean startsReservation, String name,
                       String instanceType, Instant launchTime, Instant stoppedAt, String imageId,
                       SyntheticImage image, SyntheticFleet.SecurityGroup securityGroup, String subnetId,
                       String availabilityZone, String privateIp, String publicIp, Map<String, String> tags,
                       List<String> volumeIds, String networkInterfaceId, String macAddress, String keyName,
                       String clientToken, boolean cpuAlarm, boolean statusCheckAlarm, boolean detailedMonitoring,
                       boolean agent, String engineProduct, String engineVersion, Double cpuAverage,
                       Double cpuMaximum) {

    boolean running() {
        return stoppedAt == null;
    }

    boolean windows() {
        return image != null && image.windows();
    }
}
