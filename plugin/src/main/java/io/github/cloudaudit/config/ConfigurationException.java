package io.github.cloudaudit.config;

import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.text.SafeText;

/**
 * A configuration file or parameter that cannot be used; the message names the file, line and column when known. It
 * may quote keys of the file, so it is kept on one line and capped for the build log.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String where, long line, long column, String message) {
        super(SafeText.line(where) + (line > 0 ? ":" + line + ":" + column : "") + ": "
                + SafeText.neutralize(SafeText.cap(message, 3 * SafeText.MAX_LENGTH)));
    }

    /** The file could not be parsed; the parser's error already names the file, line and column, made safe. */
    ConfigurationException(InventoryFormatException notParsed) {
        super(notParsed.getMessage(), notParsed);
    }
}
