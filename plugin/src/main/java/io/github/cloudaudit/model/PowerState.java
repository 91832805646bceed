package io.github.cloudaudit.model;

/** Whether a server runs; stopped and deallocated servers still hold their disks. */
public enum PowerState {
    RUNNING,
    STOPPED,
    /** Starting, stopping, rebooting, or a state the source reported that we do not map. */
    OTHER
}
