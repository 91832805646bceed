package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.cases;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RdsDbInstancesReaderTest {

    private static final Path DB_INSTANCES = casesFile(EU, "rds-describe-db-instances.json");

    @TempDir
    Path dir;

    @Test
    void auroraSqlServerAndStoppedInstancesAreManagedDatabases() throws IOException {
        Inventory inventory = load(cases());
        Server aurora = server(inventory, "orders-1");
        Server mssql = server(inventory, "crm-mssql");
        Server stopped = server(inventory, "old-pg");

        assertThat(inventory.servers()).filteredOn(s -> s.kind() == ResourceKind.MANAGED_DATABASE).hasSize(3);
        assertThat(aurora.engine()).isEqualTo(new DatabaseEngine("mysql", "8.0"));
        assertThat(aurora.type()).isEqualTo("db.r6g.large");
        assertThat(aurora.networkIds()).singleElement().asString().startsWith("vpc-");
        assertThat(mssql.engine()).isEqualTo(new DatabaseEngine("sqlserver", "13.00.6435.1.v1"));
        assertThat(mssql.tag("owner")).contains("team-crm");
        assertThat(mssql.ingress()).extracting(IngressRule::fromPort, IngressRule::source).contains(tuple(1433, "::/0"));
        assertThat(mssql.monitoring().cpuAlarm()).isTrue();
        assertThat(aurora.monitoring().cpuAlarm()).isFalse();
        assertThat(stopped.state()).isEqualTo(PowerState.STOPPED);
        assertThat(stopped.engine()).isEqualTo(new DatabaseEngine("postgresql", "11.22"));
        assertThat(stopped.networkIds()).isEmpty();
        assertThat(stopped.publiclyAccessible()).as("not in moto's output").isNull();
    }

    @Test
    void accountAndRegionComeFromTheArnWhereverTheFileIs() throws IOException {
        Server mssql = server(load(copy(DB_INSTANCES, dir)), "crm-mssql");

        assertThat(mssql.account()).isEqualTo(ACCOUNT);
        assertThat(mssql.region()).isEqualTo(EU);
    }

    @Test
    void enhancedMonitoringIsOnWhenItsIntervalIsSet() throws IOException {
        variant(DB_INSTANCES, dir, root -> {
            ((ObjectNode) root.get("DBInstances").get(0)).put("MonitoringInterval", 60);
            ((ObjectNode) root.get("DBInstances").get(1)).put("MonitoringInterval", 0);
        }, ACCOUNT, EU);

        Inventory inventory = load(dir);

        assertThat(server(inventory, "orders-1").monitoring().detailedMonitoring()).isTrue();
        assertThat(server(inventory, "crm-mssql").monitoring().detailedMonitoring()).isFalse();
        assertThat(server(inventory, "old-pg").monitoring().detailedMonitoring()).isNull();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "mysql, 5.7.44, mysql, 5.7.44",
            "mariadb, 10.6.14, mariadb, 10.6.14",
            "postgres, 16.3, postgresql, 16.3",
            "aurora-postgresql, 13.9, postgresql, 13.9",
            "aurora-mysql, 5.7.mysql_aurora.2.11.2, mysql, 5.7",
            "aurora-mysql, 8.0.mysql_aurora.3.04.0, mysql, 8.0",
            "aurora, 5.6.10a, mysql, 5.6.10a",
            "sqlserver-ee, 15.00.4316.3.v1, sqlserver, 15.00.4316.3.v1",
            "sqlserver-ex, 14.00.3460.9.v1, sqlserver, 14.00.3460.9.v1",
            "custom-sqlserver-web, 15.00.4249.2.v1, sqlserver, 15.00.4249.2.v1",
            "oracle-ee, 19.0.0.0.ru-2023-04.rur-2023-04.r1, oracle, 19.0.0.0.ru-2023-04.rur-2023-04.r1",
            "oracle-se2-cdb, 21.0.0.0.ru-2023-07.rur-2023-07.r1, oracle, 21.0.0.0.ru-2023-07.rur-2023-07.r1",
            "db2-se, 11.5.9.0.sb00000000.r1, db2, 11.5.9.0.sb00000000.r1",
            "docdb, 5.0.0, docdb, 5.0.0",
    })
    void engineNamesMapToLifecycleProducts(String engine, String version, String product, String productVersion) {
        assertThat(RdsDbInstancesReader.engine(engine, version)).isEqualTo(new DatabaseEngine(product, productVersion));
    }
}
