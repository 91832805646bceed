package io.github.cloudaudit.report;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Audit reports for reporter tests, built by hand from a small inventory and hand-made findings, so reporters are
 * tested without depending on any rule. The sample holds every case a reporter must render: every severity, a
 * suppressed finding, an expired suppression, an unverified finding, a finding of a rule missing from the
 * catalogue, a finding without a source file, hostile text, a skipped file and a coverage gap.
 */
public final class SampleAuditReport {

    public static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);
    public static final String ACCOUNT = "123456789012";
    public static final String HOSTILE_TAG = "</script><img src=x onerror=alert(1)>";
    public static final String HOSTILE_MESSAGE = "He said \"it's fine\";\nthen\tleft \\ <b>&amp;</b> \u2028 {\"x\": 1}";
    /** Relative, with a space, as a user might give it. */
    public static final String RELATIVE_SOURCE = "inventory/aws prod/servers.json";
    /** Absolute, as the goal resolves inputs against the project directory. */
    public static final String ABSOLUTE_SOURCE = Path.of("inventory", "azure.json").toAbsolutePath().toString();

    public static final RuleMetadata LEGACY_OS = new RuleMetadata("legacy-os", "Operating system past end of support",
            Category.LEGACY, Severity.HIGH, "No security fixes are published for it.",
            "Upgrade or replace the server.", List.of("AWS Config: ec2-managedinstance-platform-check", "CIS 2.2"));
    public static final RuleMetadata ORPHAN_NO_OWNER = new RuleMetadata("orphan-no-owner", "Server without owner",
            Category.ORPHANED, Severity.MEDIUM, "Nobody answers for it.", "Tag it with its owner.", List.of());
    public static final RuleMetadata NO_CPU_ALARM = new RuleMetadata("monitoring-no-cpu-alarm", "No CPU alarm",
            Category.MONITORING, Severity.LOW, "Mining runs at full CPU for months unnoticed.",
            "Create an alarm on CPU utilization.", List.of("https://docs.aws.amazon.com/AmazonCloudWatch/"));
    public static final RuleMetadata PUBLIC_DATABASE = new RuleMetadata("exposure-public-database-port",
            "Database port open to the internet", Category.EXPOSURE, Severity.CRITICAL, "Anyone can try passwords.",
            "Close the port to 0.0.0.0/0.", List.of());
    public static final RuleMetadata AUDIT_INCOMPLETE = new RuleMetadata("audit-incomplete", "Audit incomplete",
            Category.COVERAGE, Severity.INFO, "What was not read was not audited.", "Grant read access.", List.of());

    private SampleAuditReport() {
    }

    public static List<RuleMetadata> rules() {
        return List.of(AUDIT_INCOMPLETE, PUBLIC_DATABASE, LEGACY_OS, NO_CPU_ALARM, ORPHAN_NO_OWNER);
    }

    public static Server legacyDatabase() {
        return Server.builder().provider(Provider.AWS).id("i-0abc").name("legacy-db").account(ACCOUNT)
                .region("eu-north-1").type("m3.large").state(PowerState.RUNNING)
                .launchedOn(LocalDate.of(2018, 3, 1)).stateSince(LocalDate.of(2018, 3, 1))
                .os(new OperatingSystem("ubuntu", "14.04", "ubuntu/images/hvm/ubuntu-trusty-14.04"))
                .engine(new DatabaseEngine("mysql", "5.6.51"))
                .tags(Map.of("Name", "legacy-db", "owner", "team-db", "note", HOSTILE_TAG,
                        "data-classification", "personal"))
                .ingress(List.of(new IngressRule("tcp", 3306, 3306, "0.0.0.0/0", "sg-1 (legacy-db)")))
                .monitoring(new Monitoring(false, null, false)).origin(Origin.file(RELATIVE_SOURCE)).build();
    }

    public static Server azureDatabase() {
        return Server.builder().provider(Provider.AZURE).kind(ResourceKind.MANAGED_DATABASE)
                .id("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/crm")
                .name("crm").account("0000").region("westeurope").state(PowerState.STOPPED)
                .engine(new DatabaseEngine("sqlserver", "12.0")).origin(Origin.file(ABSOLUTE_SOURCE)).build();
    }

    public static Inventory inventory() {
        return new Inventory(List.of(legacyDatabase(), azureDatabase()), List.of(), List.of(),
                List.of(new CoverageGap(Provider.AWS, ACCOUNT, "us-east-1", "ec2:DescribeInstances", "AccessDenied")),
                List.of(new SourceFile(RELATIVE_SOURCE, "normalized inventory v1", null),
                        new SourceFile(ABSOLUTE_SOURCE, "normalized inventory v1", null),
                        new SourceFile("inventory/notes.txt", null, "neither JSON nor YAML")),
                Map.of("ec2:DescribeInstances", 3L, "sts:GetCallerIdentity", 1L));
    }

    public static List<Finding> findings() {
        Server legacy = legacyDatabase();
        Server azure = azureDatabase();
        Finding exposed = finding(PUBLIC_DATABASE, Severity.CRITICAL, legacy, "Port 3306 is open to 0.0.0.0/0.",
                List.of("sg-1 (legacy-db) allows tcp 3306 from 0.0.0.0/0"), true);
        Finding legacyOs = finding(LEGACY_OS, Severity.CRITICAL, legacy, HOSTILE_MESSAGE,
                List.of("ubuntu 14.04 ended 2019-04-30", "tag note=" + HOSTILE_TAG), true);
        Finding noOwner = finding(ORPHAN_NO_OWNER, Severity.HIGH, azure, "Nobody owns crm.", List.of("no owner tag"), true);
        Finding noAlarm = finding(NO_CPU_ALARM, Severity.LOW, azure, "Alarms were not exported.", List.of(), false);
        Finding retired = new Finding("retired-rule", Severity.MEDIUM, Provider.AWS, ACCOUNT, "eu-north-1", "i-0abc",
                null, "A rule missing from the catalogue.", List.of(), true, Origin.file(RELATIVE_SOURCE, 12, 5),
                List.of(exposed.fingerprint(), legacyOs.fingerprint()), null);
        Finding incomplete = new Finding(AUDIT_INCOMPLETE.id(), Severity.INFO, Provider.AWS, ACCOUNT, "us-east-1",
                null, null, "ec2:DescribeInstances could not be read: AccessDenied.", List.of("AccessDenied"), true,
                Origin.apiCall(ACCOUNT, "us-east-1", "ec2:DescribeInstances"), List.of(), null);
        return List.of(exposed, legacyOs, noOwner, retired, noAlarm, incomplete);
    }

    public static List<Suppression> suppressions() {
        return List.of(
                new Suppression("orphan-*", "crm", "Owned by the CRM team; tagging in JIRA-123",
                        LocalDate.of(2027, 1, 31), "suppressions.yaml suppression #1"),
                new Suppression("legacy-os", "i-0abc", "Upgrade planned", LocalDate.of(2026, 6, 30),
                        "suppressions.yaml suppression #2"));
    }

    /** The sample: fails at HIGH, incomplete, one finding suppressed and one suppression expired. */
    public static AuditReport sample() {
        return report(inventory(), findings(), suppressions(), Severity.HIGH);
    }

    /** An audit of nothing, that never fails. */
    public static AuditReport empty() {
        return report(new Inventory(List.of(), List.of(), List.of(), List.of(), List.of()), List.of(), List.of(), null);
    }

    /** An audit of many findings on one server, for checking that reporters stream. */
    public static AuditReport withManyFindings(int count) {
        Server legacy = legacyDatabase();
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(LEGACY_OS.id(), Severity.values()[i % Severity.values().length], Provider.AWS,
                    ACCOUNT, "eu-north-1", "i-" + i, "server-" + i, "Finding number " + i + ".",
                    List.of("evidence " + i), i % 2 == 0, Origin.file(RELATIVE_SOURCE), List.of(), null));
        }
        return report(new Inventory(List.of(legacy), List.of(), List.of(), List.of(), List.of()), findings,
                List.of(), Severity.CRITICAL);
    }

    /** The sample's findings and suppressions over these servers, in this order. */
    public static AuditReport report(List<Server> servers, List<Finding> findings) {
        Inventory sample = inventory();
        return report(new Inventory(servers, sample.scopes(), sample.networks(), sample.gaps(), sample.sources()),
                findings, suppressions(), Severity.HIGH);
    }

    public static AuditReport report(Inventory inventory, List<Finding> findings, List<Suppression> suppressions,
                                     Severity failOnSeverity) {
        AuditContext context = AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults());
        AuditMetadata metadata = new AuditMetadata(AUDIT_DATE, "0.1.0-SNAPSHOT", Instant.parse("2026-11-23T10:15:30Z"),
                Duration.ofMillis(1234), failOnSeverity == null ? "NONE" : failOnSeverity.name(),
                List.of("inventory"), "en");
        return new AuditReport(metadata, rules(), inventory.servers().stream().map(context::profile).toList(),
                new Policy(failOnSeverity, suppressions, AUDIT_DATE).apply(findings), inventory);
    }

    private static Finding finding(RuleMetadata rule, Severity severity, Server server, String message,
                                   List<String> evidence, boolean verified) {
        return new Finding(rule.id(), severity, server.provider(), server.account(), server.region(), server.id(),
                server.name(), message, evidence, verified, server.origin(), List.of(), null);
    }
}
