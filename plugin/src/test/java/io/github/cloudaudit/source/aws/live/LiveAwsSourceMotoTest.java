package io.github.cloudaudit.source.aws.live;

import io.github.cloudaudit.model.CoverageGap;
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

import java.io.IOException;
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
        assertThat(inventory.gaps()).allSatisfy(gap -> assertThat(gap.reason()).contains("HTTP 500"));
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

    private static Scope scope(String account, String region) {
        return inventory.scopes().stream().filter(s -> account.equals(s.account()) && region.equals(s.region()))
                .findFirst().orElseThrow(() -> new AssertionError("no scope " + account + "/" + region + " in "
                        + inventory.scopes()));
    }
}
