package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.lifecycle.Release;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Server;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A database engine, managed or on a virtual machine, past its end of support. */
public final class LegacyDbEngineRule extends PerServerRule {

    /** What would tell the engine of a server that hosts a database. */
    private static final String ENGINE_INPUT = "the engine and its version on the server: an RDS or Azure database "
            + "listing, or the normalized inventory's engine field (for VMs, e.g. from the SSM software inventory)";

    public static final RuleMetadata METADATA = new RuleMetadata(
            "legacy-db-engine",
            "Database engine past its end of support",
            Category.LEGACY,
            Severity.MEDIUM,
            "A database engine past its end of support gets no more security fixes, while it holds the data "
                    + "attackers want most. On Amazon RDS an engine past standard support is also enrolled in "
                    + "paid Extended Support automatically, which costs extra every hour it runs.",
            "Plan a major version upgrade to a supported release: test the application against it on a copy "
                    + "(a snapshot restore), take a backup, then upgrade in a maintenance window. For engines "
                    + "on virtual machines, install the new version on a supported operating system and migrate "
                    + "the data.",
            List.of("Prowler rds_instance_deprecated_engine_version", "Prowler rds_instance_extended_support",
                    "Cloud Custodian rds filter upgrade-available",
                    "CIS Controls v8 2.2 Ensure Authorized Software is Currently Supported"));

    /** Managed services the cloud keeps current itself: there is no version of theirs that can go out of support. */
    private static final Set<String> EVERGREEN = Set.of("azure-sql", "azure-sql-managed-instance", "cosmosdb");

    public LegacyDbEngineRule() {
        super(METADATA);
    }

    @Override
    Optional<Finding> check(AuditContext context, Server server) {
        ServerProfile profile = context.profile(server);
        DatabaseEngine engine = server.engine();
        if (engine == null || engine.product() == null) {
            if (!profile.hostsDatabase()) {
                return Optional.empty();
            }
            return Optional.of(context.unverified(METADATA, server, server.displayName() + " hosts a database ("
                    + String.join("; ", profile.databaseEvidence()) + ") but its engine version is unknown, "
                    + "so its end of support cannot be checked.", ENGINE_INPUT,
                    List.of("no database engine in the inventory")));
        }
        if (EVERGREEN.contains(engine.product().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String product = context.databaseEngines().productName(engine.product());
        if (engine.version() == null) {
            return Optional.of(context.unverified(METADATA, server, "The version of " + product + " on "
                    + server.displayName() + " is unknown, so its end of support cannot be checked.", ENGINE_INPUT,
                    List.of("engine: " + engine.product() + ", version not reported")));
        }
        if (profile.engineEndOfSupport() == null) {
            return Optional.of(context.unverified(METADATA, server, profile.engineLabel() + " on "
                    + server.displayName() + " is not in the lifecycle table; add it with "
                    + "a databaseLifecycle table.", "an entry for it in a databaseLifecycle table",
                    List.of("engine: " + engine.product() + " " + engine.version())));
        }
        if (!EndOfSupport.passed(profile.engineEndOfSupport(), context.auditDate())) {
            return Optional.empty();
        }
        Optional<Release> release = context.databaseEngines().find(engine.product(), engine.version());
        String message = server.displayName() + " runs " + profile.engineLabel() + "; "
                + EndOfSupport.ended(release.map(Release::label).orElse(product), profile.engineEndOfSupport(),
                        context.auditDate())
                + ", so the database no longer receives security fixes."
                + EndOfSupport.extendedSupport(release, context.auditDate()).map(s -> " " + s).orElse("");
        return Optional.of(context.finding(METADATA, server, message, EndOfSupport.evidence(profile.engineLabel(),
                profile.engineEndOfSupport(), release, context.auditDate())));
    }
}
