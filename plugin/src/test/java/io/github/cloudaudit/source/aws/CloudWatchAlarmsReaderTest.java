package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.US;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.cases;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.fixture;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudWatchAlarmsReaderTest {

    @TempDir
    Path dir;

    @Test
    void cpuAlarmsDirectAndThroughMetricMathWatchInstancesAndDatabases() throws IOException {
        Inventory inventory = load(cases());

        assertThat(server(inventory, "sql-web").monitoring().cpuAlarm()).as("metric math over its CPU").isTrue();
        assertThat(server(inventory, "crm-mssql").monitoring().cpuAlarm()).as("AWS/RDS CPUUtilization").isTrue();
        assertThat(server(inventory, "sles-batch").monitoring().cpuAlarm()).as("only a disk alarm").isFalse();
        assertThat(server(inventory, "orders-1").monitoring().cpuAlarm()).isFalse();
        assertThat(server(inventory, "tools-1").monitoring().cpuAlarm()).as("empty listing in us-east-1").isFalse();
    }

    @Test
    void aPagedListingProvesNoAbsenceAndIsReportedAsACoverageGap() throws IOException {
        copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);
        copy(casesFile(EU, "rds-describe-db-instances.json"), dir, ACCOUNT, EU);
        copy(fixture("aws-cli-cases/paged/" + ACCOUNT + "/" + EU + "/cloudwatch-describe-alarms.json"), dir, ACCOUNT, EU);

        Inventory inventory = load(dir);

        assertThat(server(inventory, "sql-web").monitoring().cpuAlarm()).as("on the saved page").isTrue();
        assertThat(server(inventory, "crm-mssql").monitoring().cpuAlarm()).as("maybe on a later page").isNull();
        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap).extracting(CoverageGap::provider, CoverageGap::account, CoverageGap::region, CoverageGap::what)
                    .containsExactly(Provider.AWS, ACCOUNT, EU, "aws cloudwatch describe-alarms");
            assertThat(gap.reason()).contains("NextToken").contains("--max-items");
        });
    }

    @Test
    void outsideRegionFoldersTheAlarmArnsGiveAccountAndRegion() throws IOException {
        copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);
        copy(casesFile(EU, "cloudwatch-describe-alarms.json"), dir);

        Inventory inventory = load(dir);

        assertThat(server(inventory, "sles-batch").monitoring().cpuAlarm()).isFalse();
        assertThat(server(inventory, "sql-web").monitoring().cpuAlarm()).isTrue();
    }

    @Test
    void anEmptyListingOutsideRegionFoldersIsAClearError() {
        copy(casesFile(US, "cloudwatch-describe-alarms.json"), dir, ACCOUNT);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("cloudwatch-describe-alarms.json")
                .hasMessageContaining("cloudwatch describe-alarms output carries no region: put it in a folder named after its account and region");
    }
}
