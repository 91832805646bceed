package io.github.cloudaudit.model;

/**
 * Something that could not be collected or read, so the audit of it is incomplete.
 *
 * @param provider the cloud, null when not cloud specific
 * @param account  account or subscription, null when unknown
 * @param region   region, null when account-wide
 * @param what     what is missing, e.g. {@code ec2:DescribeInstances}
 * @param reason   why, e.g. {@code AccessDenied}
 */
public record CoverageGap(Provider provider, String account, String region, String what, String reason) {
}
