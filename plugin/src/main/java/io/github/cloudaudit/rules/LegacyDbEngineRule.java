package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.lifecycle.Release;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.text.Text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A database engine, managed or on a virtual machine, past its end of support. */
public final class LegacyDbEngineRule extends PerServerRule {

    /** What would tell the engine of a server that hosts a database. */
    private static final Text ENGINE_INPUT = Text.of("legacy-db-engine.input.engine");

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
            return Optional.of(context.unverified(METADATA, server, Text.of("legacy-db-engine.message.unknown",
                    server.displayName(), profile.databaseReason()), ENGINE_INPUT,
                    List.of(Text.of("legacy-db-engine.evidence.noEngine"))));
        }
        if (EVERGREEN.contains(engine.product().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String product = context.databaseEngines().productName(engine.product());
        if (engine.version() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("legacy-db-engine.message.versionUnknown",
                    product, server.displayName()), ENGINE_INPUT,
                    List.of(Text.of("legacy-db-engine.evidence.noVersion", engine.product()))));
        }
        if (profile.engineEndOfSupport() == null) {
            return Optional.of(context.unverified(METADATA, server, Text.of("legacy-db-engine.message.notInTable",
                    profile.engineLabel(), server.displayName()), Text.of("legacy-db-engine.input.table"),
                    List.of(Text.of("legacy-db-engine.evidence.engine", engine.product() + " " + engine.version()))));
        }
        if (!EndOfSupport.passed(profile.engineEndOfSupport(), context.auditDate())) {
            return Optional.empty();
        }
        Optional<Release> release = context.databaseEngines().find(engine.product(), engine.version());
        Text message = EndOfSupport.withExtendedSupport(Text.of("legacy-db-engine.message", server.displayName(),
                profile.engineLabel(), EndOfSupport.ended(new Text.Name(release.map(Release::label).orElse(product)),
                        profile.engineEndOfSupport(), context.auditDate())), release, context.auditDate());
        return Optional.of(context.finding(METADATA, server, message, EndOfSupport.evidence(profile.engineLabel(),
                profile.engineEndOfSupport(), release, context.auditDate())));
    }
}
