package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.JSON;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudWatchMetricDataReaderTest {

    private static final String SQL_WEB = "i-7fe6518491d21f161";
    private static final Instant START = Instant.parse("2026-11-09T00:00:00Z");

    @TempDir
    Path dir;

    /** One query's result: hourly averages, newest first as CloudWatch returns them by default. */
    private static ObjectNode result(String id, String label, int hours, double... pattern) {
        ObjectNode result = JSON.createObjectNode().put("Id", id);
        if (label != null) {
            result.put("Label", label);
        }
        ArrayNode timestamps = result.putArray("Timestamps");
        ArrayNode values = result.putArray("Values");
        for (int hour = hours - 1; hour >= 0; hour--) {
            timestamps.add(START.plus(hour, ChronoUnit.HOURS).toString().replace("Z", "+00:00"));
            values.add(pattern[hour % pattern.length]);
        }
        return result.put("StatusCode", "Complete");
    }

    private Path export(ObjectNode... results) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("MetricDataResults").addAll(java.util.List.of(results));
        root.putArray("Messages");
        Path file = Files.createDirectories(dir.resolve("cpu")).resolve("cpu.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    @Test
    void hourlyAveragesOverTwoWeeksBecomeTheServersCpuStatistics() throws IOException {
        Path cpu = export(result("i_7fe6518491d21f161", SQL_WEB, 14 * 24, 97.0, 99.0, 100.0, 95.2));
        Path instances = copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);

        Inventory inventory = load(cpu, instances);

        CpuStatistics statistics = server(inventory, "sql-web").cpu();
        assertThat(statistics.periodDays()).isEqualTo(14);
        assertThat(statistics.averagePercent()).isCloseTo(97.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(statistics.maximumPercent()).isEqualTo(100.0);
        assertThat(server(inventory, "sles-batch").cpu()).as("no query names it").isNull();
    }

    @Test
    void withoutALabelTheIdNamesTheServerWithUnderscoresAsDashes() throws IOException {
        Path cpu = export(result("i_7fe6518491d21f161", null, 48, 50.0));
        Path instances = copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);

        assertThat(server(load(cpu, instances), "sql-web").cpu()).isEqualTo(new CpuStatistics(2, 50.0, 50.0));
    }

    @Test
    void aSingleSampleCoversNoKnownTimeAndAnEmptyResultTellsNothing() throws IOException {
        Path cpu = export(result("a", SQL_WEB, 1, 99.0), result("b", "i-f840b6ac7d7b39ce0", 0));
        Path instances = copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);

        Inventory inventory = load(cpu, instances);

        assertThat(server(inventory, "sql-web").cpu()).isEqualTo(new CpuStatistics(0, 99.0, 99.0));
        assertThat(server(inventory, "sles-batch").cpu()).isNull();
    }

    @Test
    void anOutputCutIntoPagesIsReportedAsACoverageGap() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("MetricDataResults").add(result("a", SQL_WEB, 24, 10.0));
        root.put("NextToken", "page2");
        Path file = Files.createDirectories(dir.resolve(ACCOUNT).resolve(EU)).resolve("cpu.json");
        JSON.writeValue(file.toFile(), root);

        assertThat(load(dir).gaps()).extracting(CoverageGap::what, CoverageGap::account, CoverageGap::region)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aws cloudwatch get-metric-data", ACCOUNT, EU));
    }

    @Test
    void valuesWithoutTheirTimestampsAreAnError() throws IOException {
        ObjectNode broken = result("a", SQL_WEB, 3, 10.0);
        ((ArrayNode) broken.get("Timestamps")).remove(0);

        Path cpu = export(broken);

        assertThatThrownBy(() -> load(cpu)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("cpu.json:")
                .hasMessageContaining("MetricDataResults[0] to have a 'Values' list and a 'Timestamps' list of the same length");
    }
}
