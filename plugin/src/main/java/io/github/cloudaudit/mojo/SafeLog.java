package io.github.cloudaudit.mojo;

import io.github.cloudaudit.text.SafeText;
import org.apache.maven.plugin.logging.Log;

/**
 * The build log as the audit writes to it: every line passes {@link SafeText#neutralize}, since lines quote file
 * names and inventory values, and a line break in one would let an inventory print {@code [INFO] BUILD SUCCESS},
 * {@code ::error ...} or {@code ##vso[...]} at the start of a line of the build log.
 */
final class SafeLog {

    private final Log log;

    SafeLog(Log log) {
        this.log = log;
    }

    void info(String line) {
        log.info(SafeText.neutralize(line));
    }

    void warn(String line) {
        log.warn(SafeText.neutralize(line));
    }
}
