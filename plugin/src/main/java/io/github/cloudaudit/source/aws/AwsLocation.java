package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.source.InventoryFormatException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account and region one CLI output covers. Several outputs (GuardDuty detectors, SSM instances, empty
 * alarm lists) carry neither, so they come from the folders the file sits in: {@code 123456789012/eu-north-1/}.
 */
record AwsLocation(String account, String region) {

    private static final Pattern REGION_PREFIX = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");

    /** The account and region; fails naming the file and the folders to use when either is unknown. */
    static AwsLocation require(String place, String command, String account, String region) {
        if (account == null || region == null) {
            String missing = account == null && region == null ? "account or region"
                    : account == null ? "account" : "region";
            throw new InventoryFormatException(place, 0, 0, command + " output carries no " + missing
                    + ": put it in a folder named after its account and region, e.g. 123456789012/eu-north-1/");
        }
        return new AwsLocation(account, region);
    }

    /** The region of an availability zone ({@code eu-north-1a}, Local Zone {@code us-west-2-lax-1a}), or null. */
    static String regionOfZone(String zone) {
        if (zone == null) {
            return null;
        }
        Matcher region = REGION_PREFIX.matcher(zone);
        return region.lookingAt() ? region.group() : null;
    }
}
