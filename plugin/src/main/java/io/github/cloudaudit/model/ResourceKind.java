package io.github.cloudaudit.model;

/** What kind of server a resource is. */
public enum ResourceKind {
    /** An EC2 instance or Azure virtual machine: anything may run on it. */
    VIRTUAL_MACHINE,
    /** A managed database service (RDS instance or cluster, Azure SQL, flexible server): always hosts a database. */
    MANAGED_DATABASE
}
