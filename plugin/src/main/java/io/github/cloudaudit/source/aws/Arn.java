package io.github.cloudaudit.source.aws;

import java.util.Optional;

/**
 * An Amazon Resource Name, {@code arn:partition:service:region:account:resource}. Region and account are null
 * where the ARN leaves them empty (IAM roles have no region, S3 buckets neither region nor account).
 */
record Arn(String partition, String service, String region, String account, String resource) {

    static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], emptyToNull(parts[3]), emptyToNull(parts[4]), parts[5]));
    }

    /** The region of an ARN, or null when the text is no ARN or names no region. */
    static String regionOf(String text) {
        return parse(text).map(Arn::region).orElse(null);
    }

    /** The account of an ARN, or null when the text is no ARN or names no account. */
    static String accountOf(String text) {
        return parse(text).map(Arn::account).orElse(null);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
