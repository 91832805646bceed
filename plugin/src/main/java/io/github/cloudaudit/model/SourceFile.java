package io.github.cloudaudit.model;

/**
 * One inventory file that was read or skipped.
 *
 * @param path    the path as the user gave it or relative to the folder given
 * @param format  the detected format (e.g. {@code aws-cli:ec2 describe-instances}), null when skipped
 * @param skipped why it was skipped, null when it was read
 */
public record SourceFile(String path, String format, String skipped) {
}
