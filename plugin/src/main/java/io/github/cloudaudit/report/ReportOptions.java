package io.github.cloudaudit.report;

import java.nio.file.Path;

/**
 * How reports are rendered, as opposed to what they say (that is the {@link AuditReport}).
 *
 * @param templateDirectory a folder whose files replace the built-in templates, assets or message bundles of the
 *                          same name; null for the built-in ones only
 */
public record ReportOptions(Path templateDirectory) {

    public static final ReportOptions DEFAULTS = new ReportOptions(null);
}
