package io.github.cloudaudit.source.aws;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.US;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.estate;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.fixture;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.network;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.scope;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The recorded estate (aws-cli/README.md) read as a whole: every reader's facts linked into one inventory. */
class AwsCliEstateTest {

    private static final LocalDate RECORDED = LocalDate.of(2026, 11, 23);

    private static Inventory inventory;
    private static final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void loadEstate() throws IOException {
        inventory = load(warnings, estate());
    }

    @Test
    void legacyServerIsLinkedWithItsImageSecurityGroupVolumesAndMissingAlarm() {
        Server legacy = server(inventory, "legacy-crm-db");

        assertThat(legacy.provider()).isEqualTo(Provider.AWS);
        assertThat(legacy.kind()).isEqualTo(ResourceKind.VIRTUAL_MACHINE);
        assertThat(legacy.id()).startsWith("i-");
        assertThat(legacy.account()).isEqualTo(ACCOUNT);
        assertThat(legacy.region()).isEqualTo(EU);
        assertThat(legacy.type()).isEqualTo("m3.large");
        assertThat(legacy.state()).isEqualTo(PowerState.RUNNING);
        assertThat(legacy.launchedOn()).isEqualTo(RECORDED);
        assertThat(legacy.stateSince()).isEqualTo(RECORDED);
        assertThat(legacy.os()).isEqualTo(new OperatingSystem("windows-server", "2012 R2",
                "Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP2_Standard-2017.10.13"));
        assertThat(legacy.image()).isEqualTo("Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP2_Standard-2017.10.13");
        assertThat(legacy.ingress()).extracting(IngressRule::protocol, IngressRule::fromPort, IngressRule::toPort, IngressRule::source)
                .containsExactlyInAnyOrder(tuple("tcp", 1433, 1433, "0.0.0.0/0"), tuple("tcp", 22, 22, "0.0.0.0/0"));
        assertThat(legacy.ingress()).allSatisfy(rule -> assertThat(rule.via()).matches("legacy-db-sg \\(sg-[0-9a-f]+\\)"));
        assertThat(legacy.attachedDisks()).isEqualTo(2);
        assertThat(legacy.monitoring()).isEqualTo(new Monitoring(false, false, null));
        assertThat(legacy.tag("Owner")).isEmpty();
        assertThat(legacy.tag("service")).contains("crm-sidecar");
        assertThat(legacy.origin().file()).endsWith("ec2-describe-instances.json").contains(EU);
        assertThat(network(inventory, legacy).flowLogs()).as("main VPC, flow logs collected, none on it").isFalse();
    }

    @Test
    void watchedServersHaveTheirCpuAlarmsAndDetailedMonitoring() {
        Server web = server(inventory, "web-1");
        Server analytics = server(inventory, "analytics-pg");

        assertThat(web.monitoring()).isEqualTo(new Monitoring(true, true, null));
        assertThat(web.os()).extracting(OperatingSystem::product, OperatingSystem::version).containsExactly("amazon-linux", "2023");
        assertThat(analytics.monitoring().cpuAlarm()).isTrue();
        assertThat(analytics.ingress()).extracting(IngressRule::fromPort, IngressRule::source).containsExactly(tuple(5432, "10.0.0.0/16"));
        assertThat(analytics.tag("role")).contains("database");
    }

    @Test
    void stoppedServerKnowsSinceWhenItIsStopped() {
        Server reporting = server(inventory, "old-reporting");

        assertThat(reporting.state()).isEqualTo(PowerState.STOPPED);
        assertThat(reporting.stateSince()).isEqualTo(RECORDED);
        assertThat(reporting.os()).extracting(OperatingSystem::product, OperatingSystem::version).containsExactly("ubuntu", "16.04");
        assertThat(reporting.attachedDisks()).isEqualTo(2);
        assertThat(reporting.tag("status")).contains("decommissioned");
    }

    @Test
    void regionWithoutAlarmOrFlowLogListingsLeavesThoseFactsUnknown() {
        Server batch = server(inventory, "batch-legacy");

        assertThat(batch.region()).isEqualTo(US);
        assertThat(batch.os()).extracting(OperatingSystem::product, OperatingSystem::version).containsExactly("ubuntu", "14.04");
        assertThat(batch.ingress()).extracting(IngressRule::fromPort, IngressRule::source).containsExactly(tuple(22, "0.0.0.0/0"));
        assertThat(batch.attachedDisks()).as("from its block device mappings").isEqualTo(1);
        assertThat(batch.monitoring()).isEqualTo(new Monitoring(null, false, null));
        assertThat(network(inventory, batch).flowLogs()).as("no flow log listing for us-east-1").isNull();
    }

    @Test
    void rdsInstancesAreManagedDatabasesWithEngineVersionAndExposure() {
        Server billing = server(inventory, "billing-mysql");
        Server orders = server(inventory, "orders-pg");

        assertThat(billing.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
        assertThat(billing.id()).isEqualTo("billing-mysql");
        assertThat(billing.engine()).isEqualTo(new DatabaseEngine("mysql", "5.7.44"));
        assertThat(billing.publiclyAccessible()).isTrue();
        assertThat(billing.type()).isEqualTo("db.m3.medium");
        assertThat(billing.account()).isEqualTo(ACCOUNT);
        assertThat(billing.region()).isEqualTo(EU);
        assertThat(billing.state()).isEqualTo(PowerState.RUNNING);
        assertThat(billing.launchedOn()).isEqualTo(RECORDED);
        assertThat(billing.tags()).isEmpty();
        assertThat(billing.monitoring()).as("no CPU alarm in a collected region; enhanced monitoring not reported")
                .isEqualTo(new Monitoring(false, null, null));
        assertThat(orders.engine()).isEqualTo(new DatabaseEngine("postgresql", "16.3"));
        assertThat(orders.publiclyAccessible()).isFalse();
        assertThat(orders.tag("owner")).contains("team-orders");
    }

    @Test
    void scopesShowGuardDutyPerRegionAndTheMultiRegionTrailForTheAccount() {
        assertThat(scope(inventory, ACCOUNT, EU).threatDetectionForServers()).isTrue();
        assertThat(scope(inventory, ACCOUNT, EU).threatDetectionForDatabases()).isTrue();
        assertThat(scope(inventory, ACCOUNT, US).threatDetectionForServers()).isFalse();
        assertThat(scope(inventory, ACCOUNT, US).threatDetectionForDatabases()).isFalse();
        assertThat(scope(inventory, ACCOUNT, null).auditTrail()).as("multi-region trail covers the account").isTrue();
        assertThat(scope(inventory, ACCOUNT, US).auditTrail()).as("no trail listing for us-east-1").isNull();
    }

    @Test
    void everyFileIsListedAsReadWithItsFormatAndTheReadmeAsSkipped() {
        assertThat(inventory.servers()).hasSize(8);
        assertThat(inventory.sources()).filteredOn(source -> source.skipped() == null).hasSize(13)
                .extracting(SourceFile::format)
                .contains("aws-cli: ec2 describe-instances", "aws-cli: ec2 describe-images",
                        "aws-cli: ec2 describe-security-groups", "aws-cli: ec2 describe-volumes",
                        "aws-cli: ec2 describe-flow-logs", "aws-cli: rds describe-db-instances",
                        "aws-cli: cloudwatch describe-alarms", "aws-cli: guardduty list-detectors",
                        "aws-cli: cloudtrail describe-trails");
        assertThat(inventory.sources()).filteredOn(source -> source.skipped() != null)
                .extracting(SourceFile::path).singleElement().asString().endsWith("README.md");
        assertThat(inventory.gaps()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("README.md");
    }

    @Test
    void cleanEstateIsFullyWatched() throws IOException {
        Inventory clean = load(fixture("aws-cli-clean"));
        Server app = server(clean, "app-1");

        assertThat(clean.servers()).containsExactly(app);
        assertThat(app.monitoring()).isEqualTo(new Monitoring(true, true, null));
        assertThat(app.tag("owner")).contains("team-app");
        assertThat(app.os()).extracting(OperatingSystem::product, OperatingSystem::version).containsExactly("amazon-linux", "2023");
        assertThat(network(clean, app).flowLogs()).isTrue();
        assertThat(scope(clean, ACCOUNT, EU).threatDetectionForServers()).isTrue();
        assertThat(scope(clean, ACCOUNT, null).auditTrail()).isTrue();
    }
}
