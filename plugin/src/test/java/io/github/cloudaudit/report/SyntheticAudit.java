package io.github.cloudaudit.report;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.findings.Suppression;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.policy.PolicyResult;
import io.github.cloudaudit.rules.ServerProfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A large estate made up for scale tests: tens of thousands of servers across many accounts, with findings whose
 * messages and evidence vary as real ones do (names, dates, counts). Seeded, so every run makes the same audit.
 */
public final class SyntheticAudit {

    private static final String[] TEAMS = {"payments", "crm", "search", "identity", "billing", "data", "web", "ml",
            "logistics", "hr", "finance", "platform", "mobile", "support", "analytics", "marketing"};
    private static final String[] REGIONS = {"eu-west-1", "eu-north-1", "eu-central-1", "us-east-1", "us-west-2",
            "ap-southeast-1", "norwayeast", "westeurope"};
    private static final String[][] SYSTEMS = {{"Ubuntu 14.04", "2019-04-30"}, {"Ubuntu 16.04", "2021-04-30"},
            {"Ubuntu 18.04", "2023-05-31"}, {"CentOS 7", "2024-06-30"}, {"Windows Server 2012 R2", "2023-10-10"},
            {"Amazon Linux 2", "2026-06-30"}, {"Debian 9", "2022-06-30"}, {"RHEL 7", "2024-06-30"}};
    private static final String[][] ENGINES = {{"MySQL 5.6", "2021-02-28"}, {"MySQL 5.7", "2023-10-31"},
            {"PostgreSQL 10", "2022-11-10"}, {"PostgreSQL 11", "2023-11-09"}, {"SQL Server 2012", "2022-07-12"},
            {"MongoDB 4.0", "2022-04-30"}};

    private SyntheticAudit() {
    }

    /** An audit with about the given number of findings, five per server on average. */
    public static AuditReport withFindings(int wanted, String locale) {
        Random random = new Random(20261123L);
        List<RuleMetadata> rules = ReportFixtures.rules();
        List<Server> servers = new ArrayList<>();
        List<ServerProfile> profiles = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(wanted);
        int index = 0;
        while (findings.size() < wanted) {
            boolean azure = random.nextInt(4) == 0;
            String account = azure ? String.format("%08x-4b5a-6978-8a9b-%012x", 0x8f1c2d00 + random.nextInt(20), 0x0c1d2e3f4a5bL)
                    : String.valueOf(111122220000L + random.nextInt(40));
            String region = REGIONS[azure ? 6 + random.nextInt(2) : random.nextInt(6)];
            String team = TEAMS[random.nextInt(TEAMS.length)];
            String name = team + "-" + (random.nextBoolean() ? "db" : "app") + "-" + index;
            String id = azure ? "/subscriptions/" + account + "/resourceGroups/rg-" + team + "/providers/Microsoft.Compute/virtualMachines/" + name
                    : "i-0" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 16);
            String[] os = SYSTEMS[random.nextInt(SYSTEMS.length)];
            String[] engine = random.nextInt(3) == 0 ? null : ENGINES[random.nextInt(ENGINES.length)];
            boolean owned = random.nextInt(10) < 7;
            LocalDate launched = ReportFixtures.AUDIT_DATE.minusDays(200 + random.nextInt(3000));
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("Name", name);
            tags.put("env", random.nextBoolean() ? "prod" : "staging");
            tags.put("app", team + "-service");
            if (owned) {
                tags.put("owner", "team-" + team);
            }
            Server server = Server.builder().provider(azure ? Provider.AZURE : Provider.AWS).id(id).name(name)
                    .account(account).region(region).type(azure ? "Standard_D4s_v3" : "m5.xlarge")
                    .state(random.nextInt(8) == 0 ? PowerState.STOPPED : PowerState.RUNNING)
                    .launchedOn(launched).stateSince(launched)
                    .os(new OperatingSystem(null, null, os[0])).image(os[0].toLowerCase().replace(' ', '-') + "-base-" + (2015 + random.nextInt(8)))
                    .engine(engine == null ? null : new DatabaseEngine(engine[0], null))
                    .tags(tags).networkIds(List.of("vpc-0" + Integer.toHexString(0x1000 + random.nextInt(200))))
                    .ingress(engine == null ? List.of() : List.of(new IngressRule("tcp", 3306, 3306,
                            random.nextInt(5) == 0 ? "0.0.0.0/0" : "10.0.0.0/8", "sg-0" + Integer.toHexString(random.nextInt(1 << 20)))))
                    .attachedDisks(1 + random.nextInt(4)).monitoring(new Monitoring(random.nextBoolean(), null, null))
                    .cpu(new CpuStatistics(14, random.nextInt(1000) / 10.0, 100.0)).origin(Origin.file((azure ? "azure/vm-list-" : "aws/ec2-") + account + ".json"))
                    .build();
            servers.add(server);
            profiles.add(new ServerProfile(server, engine != null, engine == null ? List.of() : List.of("database engine " + engine[0]),
                    os[0], LocalDate.parse(os[1]), engine == null ? null : engine[0], engine == null ? null : LocalDate.parse(engine[1]),
                    owned ? "team-" + team : null, random.nextInt(5) == 0 ? "personal" : null));
            if (engine != null && !owned && !server.monitoring().cpuAlarm() && findings.size() < wanted) {
                findings.add(ReportFixtures.finding(ReportFixtures.FORGOTTEN, Severity.CRITICAL, server,
                        message(ReportFixtures.FORGOTTEN, server, os, engine, random), List.of("no owner tag",
                                "no CPU alarm", engine[0] + " out of support since " + engine[1])));
            }
            // The plain rules, between the composite forgotten-database rule first and audit-incomplete last.
            List<RuleMetadata> plain = rules.subList(1, rules.size() - 1);
            int count = 1 + random.nextInt(9);
            for (int f = 0; f < count && findings.size() < wanted; f++) {
                RuleMetadata rule = plain.get(random.nextInt(plain.size()));
                Severity severity = Severity.values()[Math.min(4, Math.max(0, rule.severity().ordinal() - random.nextInt(2)))];
                findings.add(ReportFixtures.finding(rule, severity, server, message(rule, server, os, engine, random),
                        evidence(rule, server, os, engine, random)));
            }
            index++;
        }
        List<Finding> marked = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            marked.add(random.nextInt(50) == 0 ? finding.withSuppression(new Suppression(finding.ruleId(),
                    finding.resourceName(), "Accepted by the " + finding.resourceName().split("-")[0]
                    + " team until the migration (CHG-" + (1000 + random.nextInt(9000)) + ")", LocalDate.of(2027, 6, 30),
                    "suppressions.yaml suppression #" + (1 + random.nextInt(500)))) : finding);
        }
        List<Finding> failing = marked.stream().filter(f -> !f.suppressed() && f.severity().atLeast(Severity.HIGH)).toList();
        PolicyResult result = new PolicyResult(marked, failing, List.of(), Severity.HIGH);
        List<SourceFile> sources = servers.stream().map(server -> server.origin().file()).distinct()
                .map(file -> new SourceFile(file, file.startsWith("azure") ? "azure-cli:vm list" : "aws-cli:ec2 describe-instances", null))
                .toList();
        return new AuditReport(ReportFixtures.metadata(locale, List.of("inventory/aws", "inventory/azure")), rules,
                profiles, result, new Inventory(servers, List.of(), List.of(), List.of(), sources));
    }

    private static String message(RuleMetadata rule, Server server, String[] os, String[] engine, Random random) {
        return switch (rule.id()) {
            case "legacy-os" -> os[0] + " reached its end of support on " + os[1] + ".";
            case "legacy-database-engine" -> (engine == null ? "MySQL 5.6" : engine[0]) + " reached its end of support on "
                    + (engine == null ? "2021-02-28" : engine[1]) + ".";
            case "monitoring-no-cpu-alarm" -> "No alarm watches the CPU of " + server.name() + "; average use "
                    + server.cpu().averagePercent() + " % over 14 days.";
            case "orphan-no-owner" -> "The server has no owner tag.";
            case "orphan-stopped-with-disks" -> "Stopped for " + (30 + random.nextInt(900)) + " days with "
                    + server.attachedDisks() + " disks attached.";
            case "exposure-database-port-open" -> "Database port 3306 is open to " + server.ingress().stream()
                    .findFirst().map(IngressRule::source).orElse("0.0.0.0/0") + ".";
            default -> "A database on " + os[0] + " has no owner and no alarm; it was launched on " + server.launchedOn() + ".";
        };
    }

    private static List<String> evidence(RuleMetadata rule, Server server, String[] os, String[] engine, Random random) {
        List<String> evidence = new ArrayList<>();
        evidence.add("image " + server.image());
        if (engine != null && random.nextBoolean()) {
            evidence.add("database engine " + engine[0] + " reported on the server");
        }
        if (rule.id().startsWith("orphan")) {
            evidence.add("tags: " + String.join(", ", server.tags().keySet()));
        }
        return evidence;
    }
}
