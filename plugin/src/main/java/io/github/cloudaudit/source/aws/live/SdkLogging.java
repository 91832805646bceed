package io.github.cloudaudit.source.aws.live;

import java.util.List;

/**
 * The SDK's signers log every signed request at debug level, session token included, and Maven's {@code -X} turns
 * debug on for every logger. Their loggers stay at info, whatever the build's level: credentials never reach a log.
 * Maven's logger reads a logger's level from these system properties when the logger is made, so this must run
 * before the SDK makes them.
 */
final class SdkLogging {

    private static final List<String> SIGNERS = List.of("software.amazon.awssdk.http.auth", "software.amazon.awssdk.auth");

    private SdkLogging() {
    }

    static void keepSignersQuiet() {
        for (String logger : SIGNERS) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
        }
    }
}
