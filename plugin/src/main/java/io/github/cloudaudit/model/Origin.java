package io.github.cloudaudit.model;

import java.util.Objects;

/**
 * Where a server (and so its findings) was read from: a place in an inventory file, or a call to a cloud API.
 * Exactly one of {@code file} and {@code operation} is set.
 *
 * @param file      the inventory file, as the user gave it or relative to the folder given; null for API calls
 * @param line      the line where the item starts, 0 when unknown
 * @param column    the column where the item starts, 0 when unknown
 * @param account   the account or subscription the API was called for; null for files
 * @param region    the region the API was called in, null for files and global calls
 * @param operation the API operation, e.g. {@code ec2:DescribeInstances}; null for files
 */
public record Origin(String file, int line, int column, String account, String region, String operation) {

    public Origin {
        if ((file == null) == (operation == null)) {
            throw new IllegalArgumentException("an origin is either a file or an API call");
        }
    }

    /** A place in a file; line and column start at 1, and 0 means unknown. */
    public static Origin file(String path, int line, int column) {
        return new Origin(Objects.requireNonNull(path, "path"), Math.max(line, 0), Math.max(column, 0), null, null, null);
    }

    /** A whole file, where no line is known. */
    public static Origin file(String path) {
        return file(path, 0, 0);
    }

    /** An API call, e.g. {@code apiCall("123456789012", "eu-north-1", "ec2:DescribeInstances")}. */
    public static Origin apiCall(String account, String region, String operation) {
        return new Origin(null, 0, 0, account, region, Objects.requireNonNull(operation, "operation"));
    }

    public boolean isFile() {
        return file != null;
    }

    /** As people read it: {@code aws/ec2.json:12:5}, or {@code ec2:DescribeInstances in 123456789012/eu-north-1}. */
    public String describe() {
        if (isFile()) {
            return line > 0 ? file + ":" + line + ":" + column : file;
        }
        return operation + " in " + account + (region == null ? "" : "/" + region);
    }
}
