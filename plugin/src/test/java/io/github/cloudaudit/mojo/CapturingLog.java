package io.github.cloudaudit.mojo;

import org.apache.maven.plugin.logging.SystemStreamLog;

import java.util.List;

/** A Maven log at debug level that keeps every line, causes included. */
final class CapturingLog extends SystemStreamLog {
    private final List<String> lines;

    CapturingLog(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(CharSequence content) {
        lines.add(String.valueOf(content));
    }

    @Override
    public void info(CharSequence content) {
        lines.add(String.valueOf(content));
    }

    @Override
    public void warn(CharSequence content) {
        lines.add(String.valueOf(content));
    }

    @Override
    public void error(CharSequence content) {
        lines.add(String.valueOf(content));
    }
}
