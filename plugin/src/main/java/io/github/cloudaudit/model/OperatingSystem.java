package io.github.cloudaudit.model;

/**
 * An operating system as detected from an image or VM profile.
 *
 * @param product     lifecycle key such as {@code ubuntu} or {@code windows-server}; null when not recognized
 * @param version     version as the lifecycle table spells it ({@code 14.04}, {@code 2012 R2}); null when unknown
 * @param description the raw text it was detected from (image name, offer and SKU), for evidence
 */
public record OperatingSystem(String product, String version, String description) {
}
