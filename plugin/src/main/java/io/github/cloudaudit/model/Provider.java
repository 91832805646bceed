package io.github.cloudaudit.model;

/** The cloud a resource lives in. */
public enum Provider {
    AWS,
    AZURE
}
