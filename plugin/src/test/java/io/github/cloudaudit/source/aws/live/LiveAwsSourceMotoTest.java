package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.source.aws.live.MotoEstate.EU;
import static io.github.cloudaudit.source.aws.live.MotoEstate.OTHER;
import static io.github.cloudaudit.source.aws.live.MotoEstate.OTHER_ROLE;
import static io.github.cloudaudit.source.aws.live.MotoEstate.OWN;
import static io.github.cloudaudit.source.aws.live.MotoEstate.US;
import static org.assertj.core.api.Assertions.assertThat;

/** The live source against moto: two accounts, two regions, and moto's own gaps (SSM answers HTTP 500). */
class LiveAwsSourceMotoTest {

    private static MotoServer moto;
    private static Inventory inventory;
    private static Map<String, Long> calls;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void readTheEstate() throws IOException, InterruptedException {
        moto = MotoServer.start();
        new MotoEstate(moto.endpoint()).build();
        // Own account through the credentials, the other through its role; retries off, as SSM answers 500.
        AwsSettings settings = AwsSettings.of(null, List.of(EU, US), List.of("arn:aws:iam::" + OWN + ":role/cloud-audit",
                OTHER_ROLE), null, moto.endpoint()).withMaxAttempts(1);
        LiveAwsSource source = new LiveAwsSource(settings, MotoEstate.TESTING);
        InventoryBuilder builder = new InventoryBuilder();
        source.collect(builder, new InventorySource.Log(LOG::add, LOG::add));
        inventory = builder.build();
        calls = source.calls().byOperation();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    private static Server server(String name) {
        return inventory.servers().stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no server " + name + " in " + inventory.servers()));
    }

    @Test
    void everyAccountAndRegionIsReadIntoOneInventory() {
        assertThat(inventory.servers()).extracting(Server::name, Server::account, Server::region)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("legacy-db", OWN, EU),
                        org.assertj.core.groups.Tuple.tuple("orders-db", OWN, EU),
                        org.assertj.core.groups.Tuple.tuple("billing-1", OWN, EU),
                        org.assertj.core.groups.Tuple.tuple("batch", OWN, US),
                        org.assertj.core.groups.Tuple.tuple("web", OTHER, EU));
        assertThat(server("web").origin()).isEqualTo(Origin.apiCall(OTHER, EU, "ec2:DescribeInstances"));
        assertThat(server("orders-db").origin()).isEqualTo(Origin.apiCall(OWN, EU, "rds:DescribeDBInstances"));
    }

    @Test
    void theFileMappingGivesTheSameFactsFromTheSdk() {
        Server legacy = server("legacy-db");
        assertThat(legacy.type()).isEqualTo("m3.large");
        assertThat(legacy.os()).as("from the image the instance runs").isNotNull();
        Server orders = server("orders-db");
        assertThat(orders.kind()).isEqualTo(ResourceKind.MANAGED_DATABASE);
        assertThat(orders.engine().product()).isEqualTo("mysql");
        assertThat(orders.engine().version()).isEqualTo("5.7.44");
    }

    @Test
    void anAuroraClusterIsCountedOnlyThroughItsMemberInstance() {
        assertThat(inventory.servers()).extracting(Server::name).doesNotContain("billing");
        assertThat(server("billing-1").engine()).isEqualTo(new DatabaseEngine("postgresql", "11.9"));
        assertThat(calls).as("once per account and region").containsEntry("rds:DescribeDBClusters", 4L);
        assertThat(inventory.gaps()).noneMatch(gap -> gap.what().equals("rds:DescribeDBClusters"));
    }

    @Test
    void alarmsAreKnownWhereTheCompleteListingWasRead() {
        assertThat(server("legacy-db").monitoring().cpuAlarm()).isTrue();
        assertThat(server("batch").monitoring().cpuAlarm()).as("alarms of us-east-1 were listed: none").isFalse();
        assertThat(server("web").monitoring().cpuAlarm()).isFalse();
    }

    @Test
    void threatDetectionAndTrailsAreReadPerAccountAndRegion() {
        assertThat(scope(OWN, EU).threatDetectionForServers()).isTrue();
        assertThat(scope(OWN, US).threatDetectionForServers()).isFalse();
        assertThat(scope(OTHER, US).threatDetectionForServers()).isFalse();
        assertThat(scope(OTHER, EU).threatDetectionForServers()).as("its detector is suspended").isFalse();
        assertThat(inventory.scopes()).filteredOn(s -> OWN.equals(s.account()) && Boolean.TRUE.equals(s.auditTrail()))
                .as("the logging multi-region trail").isNotEmpty();
    }

    @Test
    void whatMotoCannotAnswerIsAGapNamingAccountRegionAndOperationNeverAFailure() {
        assertThat(inventory.gaps()).filteredOn(g -> g.what().equals("ssm:DescribeInstanceInformation"))
                .extracting(CoverageGap::account, CoverageGap::region)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OWN, EU),
                        org.assertj.core.groups.Tuple.tuple(OWN, US), org.assertj.core.groups.Tuple.tuple(OTHER, EU),
                        org.assertj.core.groups.Tuple.tuple(OTHER, US));
        assertThat(inventory.gaps()).filteredOn(g -> g.what().equals("ssm:GetInventory")).hasSize(4);
        // moto has no GuardDuty ListFindings: asked where a detector is on, it is a gap, never a failure.
        assertThat(inventory.gaps()).filteredOn(g -> g.what().equals("guardduty:ListFindings"))
                .extracting(CoverageGap::account, CoverageGap::region, CoverageGap::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OWN, EU,
                        "error (HTTP 404): the service does not answer this call in this account and region"));
        assertThat(inventory.gaps()).hasSize(9).filteredOn(g -> !g.what().equals("guardduty:ListFindings"))
                .allSatisfy(gap -> assertThat(gap.reason()).contains("HTTP 500"));
        assertThat(server("legacy-db").monitoring().agent()).as("agents could not be listed: unknown").isNull();
    }

    @Test
    void callsAreCountedByOperationAndProgressIsLogged() {
        assertThat(calls).containsEntry("ec2:DescribeInstances", 4L)
                .containsEntry("ssm:DescribeInstanceInformation", 4L)
                .containsEntry("sts:AssumeRole", 2L);
        assertThat(LOG).anyMatch(line -> line.startsWith("AWS: reading 4 account-region pair(s)"))
                .anyMatch(line -> line.startsWith("AWS " + OTHER + " " + US + ": "))
                .anyMatch(line -> line.startsWith("AWS: made "));
    }

    @Test
    void cpuComesBackAsTheTreeTheCliPrintsForGetMetricData() {
        String legacy = server("legacy-db").id();
        List<JsonNode> results = new ArrayList<>();
        try (CloudWatchClient cloudWatch = new MotoEstate(moto.endpoint()).client(CloudWatchClient.builder(),
                MotoEstate.TESTING, EU)) {
            for (var call : CpuMetrics.calls(cloudWatch, List.of(new CpuMetrics.Server("AWS/EC2", "InstanceId", legacy),
                    new CpuMetrics.Server("AWS/EC2", "InstanceId", server("batch").id())), 14, Instant.now())) {
                call.get().forEach(page -> SdkTrees.tree(page).path("MetricDataResults").forEach(results::add));
            }
        }

        JsonNode mining = results.stream().filter(r -> r.path("Label").asText().equals(legacy)).findFirst().orElseThrow();
        assertThat(mining.path("Values")).hasSizeGreaterThanOrEqualTo(14 * 24 - 1)
                .allSatisfy(value -> assertThat(value.doubleValue()).isEqualTo(95.0));
        assertThat(mining.path("Timestamps")).hasSameSizeAs(mining.path("Values"));
        assertThat(mining.path("Timestamps").get(0).asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:00:00Z");
        assertThat(results).filteredOn(r -> !r.path("Label").asText().equals(legacy))
                .singleElement().satisfies(idle -> assertThat(idle.path("Values")).isEmpty());
    }

    private static Scope scope(String account, String region) {
        return inventory.scopes().stream().filter(s -> account.equals(s.account()) && region.equals(s.region()))
                .findFirst().orElseThrow(() -> new AssertionError("no scope " + account + "/" + region + " in "
                        + inventory.scopes()));
    }
}
