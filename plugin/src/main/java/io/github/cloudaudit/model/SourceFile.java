package io.github.cloudaudit.model;

import io.github.cloudaudit.text.Text;

/**
 * One inventory file that was read or skipped.
 *
 * @param path    the path as the user gave it or relative to the folder given
 * @param format  the detected format (e.g. {@code aws-cli:ec2 describe-instances}), null when skipped
 * @param skipped why it was skipped, null when it was read
 * @param why     why it was skipped as a text for reports in other languages ({@code skipped} is its English), null
 *                when read or when the reason is only known in English
 */
public record SourceFile(String path, String format, String skipped, Text why) {

    public SourceFile(String path, String format, String skipped) {
        this(path, format, skipped, null);
    }
}
