package io.github.cloudaudit.report;

import io.github.cloudaudit.audit.AuditRequest;
import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.audit.PolicyOptions;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.CpuStatistics;
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
import io.github.cloudaudit.policy.Baseline;
import io.github.cloudaudit.policy.BaselineEntry;
import io.github.cloudaudit.policy.Gates;
import io.github.cloudaudit.policy.Policy;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.Rule;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.rules.ServerProfile;
import io.github.cloudaudit.source.InventoryFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Audit reports made by hand for reporter tests: the rules and readers are not involved, so a report test breaks
 * only when reporting breaks.
 */
public final class ReportFixtures {

    public static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);
    public static final String AWS_ACCOUNT = "111122223333";
    public static final String AZURE_SUBSCRIPTION = "8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b";
    public static final String HOSTILE_TAG = "<img src=x onerror=alert(1)>";
    public static final String HOSTILE_NAME = "</script><script>window.pwned=1</script>";

    public static final RuleMetadata FORGOTTEN = rule("risk-forgotten-database", "Forgotten database server",
            Category.RISK, Severity.CRITICAL);
    public static final RuleMetadata LEGACY_OS = rule("legacy-os", "Operating system past its end of support",
            Category.LEGACY, Severity.MEDIUM);
    public static final RuleMetadata LEGACY_ENGINE = rule("legacy-database-engine", "Database engine past its end of support",
            Category.LEGACY, Severity.MEDIUM);
    public static final RuleMetadata NO_CPU_ALARM = rule("monitoring-no-cpu-alarm", "No alarm watches CPU use",
            Category.MONITORING, Severity.LOW);
    public static final RuleMetadata NO_OWNER = rule("orphan-no-owner", "Server without an owner tag",
            Category.ORPHANED, Severity.MEDIUM);
    public static final RuleMetadata STOPPED = rule("orphan-stopped-with-disks", "Stopped for long with disks attached",
            Category.ORPHANED, Severity.LOW);
    public static final RuleMetadata DB_PORT_OPEN = rule("exposure-database-port-open", "Database port open to the internet",
            Category.EXPOSURE, Severity.HIGH);
    public static final RuleMetadata CRYPTOMINING = rule("threat-cryptomining",
            "A threat-detection service reports cryptocurrency mining on the server", Category.THREAT, Severity.CRITICAL);
    public static final RuleMetadata INCOMPLETE = rule("audit-incomplete", "Part of the inventory could not be audited",
            Category.COVERAGE, Severity.MEDIUM);

    private ReportFixtures() {
    }

    private static RuleMetadata rule(String id, String title, Category category, Severity severity) {
        return new RuleMetadata(id, title, category, severity, "Rationale of " + id + ".",
                "Remediation of " + id + ".", List.of("Reference of " + id));
    }

    public static List<RuleMetadata> rules() {
        return List.of(CRYPTOMINING, FORGOTTEN, LEGACY_OS, LEGACY_ENGINE, NO_CPU_ALARM, NO_OWNER, STOPPED, DB_PORT_OPEN,
                INCOMPLETE);
    }

    /** The demo audit: a forgotten CRM database, a legacy Azure SQL VM with a suppression, and a few others. */
    public static AuditReport demo(String locale) {
        return demo(locale, false, false);
    }

    /** The demo audit where GuardDuty reports mining on web-01, an owned and watched server with nothing else wrong. */
    public static AuditReport minedWeb(String locale) {
        return demo(locale, false, true);
    }

    /** The demo audit with inventory values that try to inject markup and script. */
    public static AuditReport hostile(String locale) {
        return demo(locale, true, false);
    }

    private static AuditReport demo(String locale, boolean hostile, boolean minedWeb) {
        Server crm = Server.builder().provider(Provider.AWS).id("i-0a1b2c3d4e5f60001")
                .name(hostile ? HOSTILE_NAME : "legacy-crm-db").account(AWS_ACCOUNT).region("eu-west-1")
                .type("m4.xlarge").state(PowerState.RUNNING)
                .launchedOn(LocalDate.of(2016, 3, 14)).stateSince(LocalDate.of(2016, 3, 14))
                .os(new OperatingSystem("ubuntu", "14.04", "ubuntu/images/hvm-ssd/ubuntu-trusty-14.04-amd64-server-20160314"))
                .engine(new DatabaseEngine("mysql", "5.6.51"))
                .image("ubuntu/images/hvm-ssd/ubuntu-trusty-14.04-amd64-server-20160314")
                .tags(hostile ? Map.of("Name", HOSTILE_NAME, "data-classification", "personal", "note", HOSTILE_TAG)
                        : Map.of("Name", "legacy-crm-db", "data-classification", "personal", "app", "crm"))
                .networkIds(List.of("vpc-0c0ffee1"))
                .ingress(List.of(new IngressRule("tcp", 3306, 3306, "0.0.0.0/0", "sg-0db0001"),
                        new IngressRule("tcp", 22, 22, "10.0.0.0/8", "sg-0db0001")))
                .attachedDisks(2).monitoring(new Monitoring(false, false, null))
                .cpu(new CpuStatistics(14, 97.4, 100.0)).origin(Origin.file("aws/ec2-instances.json")).build();
        Server billing = Server.builder().provider(Provider.AWS).kind(ResourceKind.MANAGED_DATABASE).id("billing-pg")
                .account(AWS_ACCOUNT).region("eu-west-1").type("db.m5.large").state(PowerState.RUNNING)
                .launchedOn(LocalDate.of(2019, 6, 1)).engine(new DatabaseEngine("postgresql", "11.22"))
                .tags(Map.of("owner", "team-billing")).publiclyAccessible(false)
                .monitoring(new Monitoring(true, true, null)).origin(Origin.file("aws/rds-instances.json")).build();
        Server web = Server.builder().provider(Provider.AWS).id("i-0a1b2c3d4e5f60003").name("web-01")
                .account(AWS_ACCOUNT).region("eu-north-1").type("m7g.large").state(PowerState.RUNNING)
                .launchedOn(LocalDate.of(2026, 5, 2)).stateSince(LocalDate.of(2026, 5, 2))
                .os(new OperatingSystem("ubuntu", "24.04", "ubuntu-noble-24.04"))
                .tags(Map.of("owner", "team-web")).attachedDisks(1).monitoring(new Monitoring(true, true, true))
                .origin(Origin.file("aws/ec2-instances.json")).build();
        Server erp = Server.builder().provider(Provider.AZURE)
                .id("/subscriptions/" + AZURE_SUBSCRIPTION + "/resourceGroups/erp/providers/Microsoft.Compute/virtualMachines/erp-sql-2012")
                .name("erp-sql-2012").account(AZURE_SUBSCRIPTION).region("norwayeast").type("Standard_E8s_v3")
                .state(PowerState.RUNNING).launchedOn(LocalDate.of(2014, 9, 30))
                .os(new OperatingSystem("windows-server", "2012 R2", "MicrosoftSQLServer sql2012sp4-ws2012r2 Enterprise"))
                .engine(new DatabaseEngine("sqlserver", "11.0.7001"))
                .tags(Map.of("owner", "finance-it", "data-classification", "confidential"))
                .attachedDisks(4).monitoring(new Monitoring(true, null, true)).origin(Origin.file("azure/vm-list.json")).build();
        Server batch = Server.builder().provider(Provider.AWS).id("i-0a1b2c3d4e5f60005").name("batch-worker-7")
                .account("444455556666").region("eu-north-1").type("c5.2xlarge").state(PowerState.STOPPED)
                .launchedOn(LocalDate.of(2021, 2, 1)).stateSince(LocalDate.of(2025, 1, 10))
                .os(new OperatingSystem("amazon-linux", "2", "amzn2-ami-hvm-2.0.20210126.0-x86_64-gp2"))
                .attachedDisks(3).origin(Origin.file("aws/ec2-instances.json")).build();

        List<ServerProfile> profiles = List.of(
                new ServerProfile(crm, true, List.of("port 3306 (MySQL/MariaDB) open to 0.0.0.0/0 via sg-0db0001",
                        "database engine mysql reported on the server"), "Ubuntu 14.04", LocalDate.of(2019, 4, 30),
                        "MySQL 5.6", LocalDate.of(2021, 2, 28), null, "personal"),
                new ServerProfile(billing, true, List.of("managed database service (postgresql)"), null, null,
                        "PostgreSQL 11", LocalDate.of(2023, 11, 9), "team-billing", null),
                new ServerProfile(web, false, List.of(), "Ubuntu 24.04", LocalDate.of(2029, 5, 31), null, null,
                        "team-web", null),
                new ServerProfile(erp, true, List.of("image 'MicrosoftSQLServer sql2012sp4-ws2012r2 Enterprise' names sql server"),
                        "Windows Server 2012 R2", LocalDate.of(2023, 10, 10), "SQL Server 2012", LocalDate.of(2022, 7, 12),
                        "finance-it", "confidential"),
                new ServerProfile(batch, false, List.of(), "Amazon Linux 2", LocalDate.of(2026, 6, 30), null, null, null, null));

        List<Finding> findings = new ArrayList<>();
        findings.add(finding(FORGOTTEN, Severity.CRITICAL, crm,
                "A MySQL 5.6 database on Ubuntu 14.04 with personal data has no owner and no alarm, and its port is open to the internet.",
                List.of("no owner tag (required: owner)", "no CPU alarm", "MySQL 5.6 out of support since 2021-02-28",
                        "port 3306 open to 0.0.0.0/0 via sg-0db0001")));
        findings.add(finding(LEGACY_OS, Severity.CRITICAL, crm, "Ubuntu 14.04 reached its end of support on 2019-04-30.",
                List.of("image ubuntu/images/hvm-ssd/ubuntu-trusty-14.04-amd64-server-20160314")));
        findings.add(finding(LEGACY_ENGINE, Severity.CRITICAL, crm, "MySQL 5.6 reached its end of support on 2021-02-28.",
                List.of("engine mysql 5.6.51")));
        findings.add(finding(NO_OWNER, Severity.CRITICAL, crm, "The server has no owner tag.", List.of("tags: Name, data-classification, app")));
        findings.add(finding(NO_CPU_ALARM, Severity.HIGH, crm, "No alarm watches the CPU of this database server.",
                List.of("CPU average 97.4 % over 14 days, peak 100 %")));
        findings.add(finding(DB_PORT_OPEN, Severity.HIGH, crm, "MySQL port 3306 is open to the whole internet.",
                List.of("sg-0db0001 allows tcp 3306 from 0.0.0.0/0")));
        findings.add(finding(LEGACY_ENGINE, Severity.HIGH, billing, "PostgreSQL 11 reached its end of support on 2023-11-09.",
                List.of("engine postgresql 11.22")));
        findings.add(finding(LEGACY_OS, Severity.CRITICAL, erp, "Windows Server 2012 R2 reached its end of support on 2023-10-10.",
                List.of("image MicrosoftSQLServer sql2012sp4-ws2012r2 Enterprise")));
        findings.add(finding(LEGACY_ENGINE, Severity.CRITICAL, erp, "SQL Server 2012 reached its end of support on 2022-07-12.",
                List.of("engine sqlserver 11.0.7001")));
        findings.add(finding(STOPPED, Severity.LOW, batch, "Stopped since 2025-01-10 (682 days) with 3 disks attached.",
                List.of("state stopped since 2025-01-10", "3 disks attached")));
        findings.add(finding(NO_OWNER, Severity.MEDIUM, batch, "The server has no owner tag.", List.of("no tags")));
        if (minedWeb) {
            findings.add(finding(CRYPTOMINING, Severity.CRITICAL, web, "GuardDuty reports cryptocurrency mining on "
                    + "web-01 since 2026-10-02 (CryptoCurrency:EC2/BitcoinTool.B): someone else runs code on it.",
                    List.of("GuardDuty: CryptoCurrency:EC2/BitcoinTool.B, seen 51 times from 2026-10-02 to 2026-11-22")));
        }
        findings.add(new Finding(INCOMPLETE.id(), Severity.MEDIUM, Provider.AWS, "444455556666", "eu-north-1",
                "444455556666", null, "CloudWatch alarms could not be read in account 444455556666 eu-north-1 (AccessDenied): monitoring rules cannot be verified there.",
                List.of("cloudwatch:DescribeAlarms AccessDenied"), false,
                Origin.apiCall("444455556666", "eu-north-1", "cloudwatch:DescribeAlarms"), List.of(), null));

        List<Suppression> suppressions = List.of(new Suppression("legacy-os", "erp-sql-2012",
                        "Migration to Azure SQL planned for Q1 (CHG-4411)", LocalDate.of(2027, 3, 31), "suppressions.yaml suppression #1"),
                new Suppression("monitoring-*", "web-*", "Old exemption", LocalDate.of(2026, 1, 31), "suppressions.yaml suppression #2"));
        PolicyResult result = new Policy(Severity.HIGH, suppressions, AUDIT_DATE).apply(findings);
        Inventory inventory = new Inventory(List.of(crm, billing, web, erp, batch), List.of(), List.of(),
                List.of(new CoverageGap(Provider.AWS, "444455556666", "eu-north-1", "cloudwatch:DescribeAlarms", "AccessDenied")),
                List.of(new SourceFile("aws/ec2-instances.json", "aws-cli:ec2 describe-instances", null),
                        new SourceFile("aws/rds-instances.json", "aws-cli:rds describe-db-instances", null),
                        new SourceFile("azure/vm-list.json", "azure-cli:vm list", null),
                        new SourceFile("notes/README.md", null, "not an inventory file: no known format matched")));
        return new AuditReport(metadata(locale, List.of("inventory/aws", "inventory/azure")), rules(), profiles, result, inventory);
    }

    /**
     * The bundled demo (the repository's demo folder) audited by the real readers, rules and policy as a first run
     * with the defaults would audit it: failOnSeverity HIGH, on the demo's audit date.
     */
    public static AuditReport bundledDemo(String locale) throws IOException {
        AuditRequest request = new AuditRequest(List.of(new InventoryFiles(Path.of("..", "demo").toAbsolutePath()
                .normalize())), AUDIT_DATE, AuditSettings.defaults(), Severity.HIGH, null, null, null, locale,
                new PolicyOptions(Map.of(), null, Gates.DEFAULTS), "");
        return new Auditor(line -> { }, line -> { }).audit(request, "test");
    }

    public static AuditMetadata metadata(String locale, List<String> inputs) {
        return new AuditMetadata(AUDIT_DATE, "0.1.0-SNAPSHOT", Instant.parse("2026-11-23T08:15:30Z"),
                Duration.ofMillis(1840), "HIGH", inputs, locale);
    }

    public static Finding finding(RuleMetadata rule, Severity severity, Server server, String message, List<String> evidence) {
        return new Finding(rule.id(), severity, server.provider(), server.account(), server.region(), server.id(),
                server.name(), message, evidence, true, server.origin(), List.of(), null);
    }

    /**
     * The built-in rules over current, owned servers of which only the instance listing is known, in the given
     * regions of {@link #AWS_ACCOUNT}: every other fact is unknown.
     */
    public static AuditReport unknowns(String locale, String... regions) {
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < regions.length; i++) {
            servers.add(Server.builder().provider(Provider.AWS).id("i-" + i).name("web-" + i).account(AWS_ACCOUNT)
                    .region(regions[i]).type("m7g.large").state(PowerState.RUNNING).launchedOn(AUDIT_DATE)
                    .os(new OperatingSystem("ubuntu", "24.04", null)).tags(Map.of("owner", "team-web"))
                    .networkIds(List.of("vpc-1")).attachedDisks(1).build());
        }
        Inventory inventory = new Inventory(servers, List.of(), List.of(), List.of(), List.of());
        AuditContext context = AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults());
        RuleEngine engine = RuleEngine.withBuiltInRules();
        return new AuditReport(metadata(locale, List.of("inventory")),
                engine.rules().stream().map(Rule::metadata).toList(), servers.stream().map(context::profile).toList(),
                new Policy(Severity.HIGH, List.of(), AUDIT_DATE).apply(engine.run(context)), inventory);
    }

    /**
     * The demo audit judged against a baseline that accepted its first two findings and one that is gone since,
     * with a suppression that matches nothing.
     */
    public static AuditReport baselined(String locale) {
        AuditReport demo = demo(locale);
        List<Finding> findings = demo.result().findings().stream().map(f -> f.withSuppression(null)).toList();
        BaselineEntry gone = new BaselineEntry("0123456789abcdef0123456789abcdef", "legacy-os", "aws", AWS_ACCOUNT,
                "i-0gone", "HIGH");
        Baseline baseline = new Baseline("cloud-audit-baseline.yml", List.of(BaselineEntry.of(findings.get(0)),
                BaselineEntry.of(findings.get(1)), gone));
        Suppression unused = new Suppression("db-exposed", "nothing-*", "no such server any more", null,
                "suppressions.yaml suppression #3", List.of(), List.of(), List.of(), Map.of(), "OPS-9");
        PolicyResult result = new Policy(Severity.HIGH, List.of(unused), AUDIT_DATE, Gates.DEFAULTS, baseline)
                .apply(findings);
        return new AuditReport(demo.metadata(), demo.rules(), demo.resources(), result, demo.inventory());
    }

    /** A clean audit of one well-kept server: nothing to report. */
    public static AuditReport clean(String locale, Severity threshold) {
        Server web = Server.builder().provider(Provider.AWS).id("i-0aaa").name("web-01").account(AWS_ACCOUNT)
                .region("eu-north-1").state(PowerState.RUNNING).tags(Map.of("owner", "team-web")).build();
        PolicyResult result = new Policy(threshold, List.of(), AUDIT_DATE).apply(List.of());
        return new AuditReport(metadata(locale, List.of("inventory")), rules(),
                List.of(new ServerProfile(web, false, List.of(), "Ubuntu 24.04", null, null, null, "team-web", null)),
                result, new Inventory(List.of(web), List.of(), List.of(), List.of(),
                List.of(new SourceFile("inventory/ec2.json", "aws-cli:ec2 describe-instances", null))));
    }
}
