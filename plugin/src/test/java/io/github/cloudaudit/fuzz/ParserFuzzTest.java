package io.github.cloudaudit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.cloudaudit.config.ConfigurationException;
import io.github.cloudaudit.config.ConfigurationFile;
import io.github.cloudaudit.lifecycle.LifecycleCatalog;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.policy.SuppressionFile;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.InventoryLoader;
import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.aws.CloudTrailTrailsReader;
import io.github.cloudaudit.source.aws.CloudWatchAlarmsReader;
import io.github.cloudaudit.source.aws.Ec2FlowLogsReader;
import io.github.cloudaudit.source.aws.Ec2ImagesReader;
import io.github.cloudaudit.source.aws.Ec2InstancesReader;
import io.github.cloudaudit.source.aws.Ec2SecurityGroupsReader;
import io.github.cloudaudit.source.aws.Ec2VolumesReader;
import io.github.cloudaudit.source.aws.GuardDutyDetectorsReader;
import io.github.cloudaudit.source.aws.RdsDbInstancesReader;
import io.github.cloudaudit.source.aws.SsmInstanceInformationReader;
import io.github.cloudaudit.source.azure.AzureCosmosDbListReader;
import io.github.cloudaudit.source.azure.AzureFlowLogListReader;
import io.github.cloudaudit.source.azure.AzureGraphQueryReader;
import io.github.cloudaudit.source.azure.AzureMetricAlertListReader;
import io.github.cloudaudit.source.azure.AzureMysqlFlexibleServerListReader;
import io.github.cloudaudit.source.azure.AzureNetworkInterfaceListReader;
import io.github.cloudaudit.source.azure.AzureNetworkSecurityGroupListReader;
import io.github.cloudaudit.source.azure.AzurePostgresFlexibleServerListReader;
import io.github.cloudaudit.source.azure.AzureSecurityPricingListReader;
import io.github.cloudaudit.source.azure.AzureSqlDbListReader;
import io.github.cloudaudit.source.azure.AzureSqlManagedInstanceListReader;
import io.github.cloudaudit.source.azure.AzureSqlServerListReader;
import io.github.cloudaudit.source.azure.AzureSqlVirtualMachineListReader;
import io.github.cloudaudit.source.azure.AzureSubscriptionDiagnosticSettingsReader;
import io.github.cloudaudit.source.azure.AzureVirtualNetworkListReader;
import io.github.cloudaudit.source.azure.AzureVmListReader;
import io.github.cloudaudit.source.normalized.NormalizedInventoryReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parser of the plugin, fed whatever Jazzer makes of the seeds in {@code ParserFuzzTestInputs/<target>/}. The
 * property: an input ends in findings or in an {@link InventoryFormatException} that names the file, never in
 * another exception, a hang or unbounded output. The normal build runs the seeds (regression mode); fuzzing one
 * target for a minute is {@code fuzz/run.sh <target>} (see docs/fuzzing.md).
 */
class ParserFuzzTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 30);
    /** What an error message or a log line may grow to: it quotes the input, but capped. */
    private static final int MAX_MESSAGE = 5_000;
    private static final Path DIR = temporaryFolder();
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(java|javax|com\\.fasterxml|org\\.yaml)\\.[\\w.$]*(Exception|Error)\\b");

    @FuzzTest(maxDuration = "1m")
    void normalizedJson(byte[] input) {
        inventory(input, "inventory.json", new NormalizedInventoryReader());
    }

    @FuzzTest(maxDuration = "1m")
    void normalizedYaml(byte[] input) {
        inventory(input, "inventory.yaml", new NormalizedInventoryReader());
    }

    @FuzzTest(maxDuration = "1m")
    void ec2Instances(byte[] input) {
        inventory(input, "ec2.json", new Ec2InstancesReader());
    }

    @FuzzTest(maxDuration = "1m")
    void ec2Images(byte[] input) {
        inventory(input, "images.json", new Ec2ImagesReader());
    }

    @FuzzTest(maxDuration = "1m")
    void ec2SecurityGroups(byte[] input) {
        inventory(input, "groups.json", new Ec2SecurityGroupsReader());
    }

    @FuzzTest(maxDuration = "1m")
    void ec2Volumes(byte[] input) {
        inventory(input, "volumes.json", new Ec2VolumesReader());
    }

    @FuzzTest(maxDuration = "1m")
    void ec2FlowLogs(byte[] input) {
        inventory(input, "flow-logs.json", new Ec2FlowLogsReader());
    }

    @FuzzTest(maxDuration = "1m")
    void rdsDbInstances(byte[] input) {
        inventory(input, "rds.json", new RdsDbInstancesReader());
    }

    @FuzzTest(maxDuration = "1m")
    void cloudWatchAlarms(byte[] input) {
        inventory(input, "alarms.json", new CloudWatchAlarmsReader());
    }

    @FuzzTest(maxDuration = "1m")
    void cloudTrailTrails(byte[] input) {
        inventory(input, "trails.json", new CloudTrailTrailsReader());
    }

    @FuzzTest(maxDuration = "1m")
    void guardDutyDetectors(byte[] input) {
        inventory(input, "detectors.json", new GuardDutyDetectorsReader());
    }

    @FuzzTest(maxDuration = "1m")
    void ssmInstanceInformation(byte[] input) {
        inventory(input, "ssm.json", new SsmInstanceInformationReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureVmList(byte[] input) {
        inventory(input, "vm-list.json", new AzureVmListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureSqlServerList(byte[] input) {
        inventory(input, "sql-server-list.json", new AzureSqlServerListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureSqlDbList(byte[] input) {
        inventory(input, "sql-db-list.json", new AzureSqlDbListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureMysqlFlexibleServerList(byte[] input) {
        inventory(input, "mysql-list.json", new AzureMysqlFlexibleServerListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azurePostgresFlexibleServerList(byte[] input) {
        inventory(input, "postgres-list.json", new AzurePostgresFlexibleServerListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureMetricAlertList(byte[] input) {
        inventory(input, "alerts.json", new AzureMetricAlertListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureSecurityPricingList(byte[] input) {
        inventory(input, "pricing.json", new AzureSecurityPricingListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureGraphQuery(byte[] input) {
        inventory(input, "graph.json", new AzureGraphQueryReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureSubscriptionDiagnosticSettings(byte[] input) {
        inventory(input, "diagnostic-settings.json", new AzureSubscriptionDiagnosticSettingsReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureNetworkInterfaceList(byte[] input) {
        inventory(input, "nic-list.json", new AzureNetworkInterfaceListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureNetworkSecurityGroupList(byte[] input) {
        inventory(input, "nsg-list.json", new AzureNetworkSecurityGroupListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureVirtualNetworkList(byte[] input) {
        inventory(input, "vnet-list.json", new AzureVirtualNetworkListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureFlowLogList(byte[] input) {
        inventory(input, "flow-log-list.json", new AzureFlowLogListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureSqlManagedInstanceList(byte[] input) {
        inventory(input, "sql-mi-list.json", new AzureSqlManagedInstanceListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureSqlVirtualMachineList(byte[] input) {
        inventory(input, "sql-vm-list.json", new AzureSqlVirtualMachineListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void azureCosmosDbList(byte[] input) {
        inventory(input, "cosmosdb-list.json", new AzureCosmosDbListReader());
    }

    @FuzzTest(maxDuration = "1m")
    void suppressionFile(byte[] input) {
        Path file = write(input, "suppressions.yaml");
        try {
            SuppressionFile.read(file).forEach(s -> assertThat(s.justification()).isNotBlank());
        } catch (InventoryFormatException e) {
            assertLocated(e, file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void lifecycleTable(byte[] input) {
        Path file = write(input, "lifecycle.yaml");
        try {
            LifecycleCatalog.builtIn(LifecycleCatalog.DATABASE_ENGINES).overriddenBy(file).find("mysql", "5.7.44");
        } catch (InventoryFormatException e) {
            assertLocated(e, file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void configurationFile(byte[] input) {
        Path file = write(input, "cloud-audit.yml");
        try {
            assertThat(ConfigurationFile.read(file).isObject()).isTrue();
        } catch (ConfigurationException e) {
            assertReadable(e.getMessage(), file, input);
        } catch (InventoryFormatException e) {
            assertLocated(e, file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the input as the only file of an audit with one reader, in folders that name an account and a region as
     * the documented layout does (so readers that take them from there get past that check), and runs every rule on
     * what was read.
     */
    private static void inventory(byte[] input, String name, InventoryReader reader) {
        Path folder = DIR.resolve(name.replace('.', '-'));
        Path file = write(input, folder.getFileName() + "/123456789012/eu-north-1/" + name);
        List<String> warnings = new ArrayList<>();
        try {
            InventoryBuilder builder = new InventoryBuilder(AUDIT_DATE);
            new InventoryLoader(List.of(reader), warnings::add).load(List.of(folder), builder);
            Inventory inventory = builder.build();
            InventoryLoader.requireSomethingRead(List.of(folder), inventory);
            AuditContext context = new AuditContext(inventory, AUDIT_DATE, AuditSettings.defaults(),
                    LifecycleCatalog.builtIn(LifecycleCatalog.OPERATING_SYSTEMS),
                    LifecycleCatalog.builtIn(LifecycleCatalog.DATABASE_ENGINES));
            RuleEngine.withBuiltInRules().run(context)
                    .forEach(finding -> assertThat(finding.message().length()).isLessThan(MAX_MESSAGE));
        } catch (InventoryFormatException e) {
            assertLocated(e, e.file().equals(folder.toString()) ? folder : file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(warnings).allSatisfy(warning -> assertThat(warning.length()).isLessThan(MAX_MESSAGE));
    }

    /**
     * The error names the file, stays on one line and within bounds, and speaks in words: no Java class name and no
     * Jackson location note, unless the input itself holds one (a message may quote the input).
     */
    private static void assertLocated(InventoryFormatException e, Path file, byte[] input) {
        assertThat(e.file()).isEqualTo(file.toString());
        assertReadable(e.getMessage(), file, input);
    }

    private static void assertReadable(String message, Path file, byte[] input) {
        String quoted = new String(input, StandardCharsets.ISO_8859_1);
        assertThat(message).startsWith(file.toString()).hasSizeLessThan(MAX_MESSAGE).doesNotContain("\n", "\r");
        if (!JAVA_CLASS.matcher(quoted).find()) {
            assertThat(message).doesNotContainPattern(JAVA_CLASS);
        }
        if (!quoted.contains("[Source:")) {
            assertThat(message).doesNotContain("[Source:");
        }
    }

    private static Path write(byte[] input, String name) {
        try {
            Path file = DIR.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("cloud-audit-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
