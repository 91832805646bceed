package io.github.cloudaudit.config;

/** A configuration file or parameter that cannot be used; the message names the file, line and column when known. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String where, long line, long column, String message) {
        super(where + (line > 0 ? ":" + line + ":" + column : "") + ": " + message);
    }
}
