package io.github.cloudaudit.source;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InventoryBuilderTest {

    private static Server.Builder instance(String id, String region) {
        return Server.builder().provider(Provider.AWS).id(id).account("123456789012").region(region)
                .networkIds(List.of("vpc-1"));
    }

    @Test
    void linksImagesAndSecurityGroupsReadInAnyOrder() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.server(instance("i-1", "eu-north-1"), new InventoryBuilder.Links("ami-1", List.of("sg-1", "sg-2")));
        builder.image(Provider.AWS, "ami-1", new OperatingSystem("ubuntu", "14.04", "ubuntu-trusty"), "ubuntu-trusty");
        builder.securityGroup(Provider.AWS, "sg-1", List.of(new IngressRule("tcp", 3306, 3306, "0.0.0.0/0", "sg-1")));
        builder.securityGroup(Provider.AWS, "sg-2", List.of(new IngressRule("tcp", 22, 22, "10.0.0.0/8", "sg-2")));

        Server server = builder.build().servers().get(0);
        assertThat(server.os().version()).isEqualTo("14.04");
        assertThat(server.image()).isEqualTo("ubuntu-trusty");
        assertThat(server.ingress()).extracting(IngressRule::fromPort).containsExactly(3306, 22);
    }

    /** Values linking gives each server anew (its ingress, its monitoring) are one copy too, for a small heap. */
    @Test
    void serversShareTheValuesTheyRepeatIncludingThoseLinkingGaveThem() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.server(instance("i-1", "eu-north-1").type(new String("m5.large")),
                new InventoryBuilder.Links(null, List.of("sg-1")));
        builder.server(instance("i-2", "eu-north-1").type(new String("m5.large")),
                new InventoryBuilder.Links(null, List.of("sg-1")));
        builder.securityGroup(Provider.AWS, "sg-1", List.of(new IngressRule("tcp", 22, 22, "10.0.0.0/8", "sg-1")));
        builder.alarmsCollected(Provider.AWS, "123456789012", "eu-north-1");

        List<Server> servers = builder.build().servers();

        assertThat(servers.get(1).type()).isSameAs(servers.get(0).type());
        assertThat(servers.get(1).ingress()).isSameAs(servers.get(0).ingress()).hasSize(1);
        assertThat(servers.get(1).monitoring()).isSameAs(servers.get(0).monitoring());
        assertThat(servers.get(0).monitoring().cpuAlarm()).isFalse();
    }

    @Test
    void monitoringIsFalseOnlyWhereTheListingWasReadAndUnknownElsewhere() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.server(instance("i-watched", "eu-north-1"), InventoryBuilder.Links.NONE);
        builder.server(instance("i-unwatched", "eu-north-1"), InventoryBuilder.Links.NONE);
        builder.server(instance("i-elsewhere", "us-east-1"), InventoryBuilder.Links.NONE);
        builder.cpuAlarm(Provider.AWS, "i-watched");
        builder.alarmsCollected(Provider.AWS, "123456789012", "eu-north-1");

        List<Server> servers = builder.build().servers();
        assertThat(servers).extracting(Server::id, s -> s.monitoring().cpuAlarm()).containsExactly(
                tuple("i-elsewhere", null), tuple("i-unwatched", false), tuple("i-watched", true));
        assertThat(servers).extracting(s -> s.monitoring().agent()).containsOnlyNulls();
    }

    /** The rule engine relies on this order to list findings without sorting them by server (see RuleEngineTest). */
    @Test
    void serversAreListedByAccountThenIdWhateverOrderTheyWereReadIn() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.server(instance("i-b", "eu-north-1").account("2"), InventoryBuilder.Links.NONE);
        builder.server(instance("i-c", "eu-north-1").account("1"), InventoryBuilder.Links.NONE);
        builder.server(instance("i-a", "us-east-1").account("2"), InventoryBuilder.Links.NONE);
        builder.server(instance("i-B", "us-east-1").account("1"), InventoryBuilder.Links.NONE);

        assertThat(builder.build().servers()).extracting(Server::account, Server::id).containsExactly(
                tuple("1", "i-B"), tuple("1", "i-c"), tuple("2", "i-a"), tuple("2", "i-b"));
    }

    @Test
    void networksOfServersGetFlowLogFactsOnlyWhereFlowLogsWereRead() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.server(instance("i-1", "eu-north-1"), InventoryBuilder.Links.NONE);
        builder.server(instance("i-2", "us-east-1").networkIds(List.of("vpc-2")), InventoryBuilder.Links.NONE);
        builder.flowLogsCollected(Provider.AWS, "123456789012", "eu-north-1");

        Inventory inventory = builder.build();
        assertThat(inventory.networks()).extracting(Network::id, Network::flowLogs)
                .containsExactly(tuple("vpc-1", false),
                        tuple("vpc-2", null));
    }

    @Test
    void scopeFactsFromSeveralFilesCombineAndTrueWins() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.scope(new Scope(Provider.AWS, "1", "eu-north-1", false, false, null));
        builder.scope(new Scope(Provider.AWS, "1", "eu-north-1", null, null, true));
        builder.scope(new Scope(Provider.AWS, "1", "eu-north-1", true, null, false));

        Scope scope = builder.build().scopes().get(0);
        assertThat(scope.threatDetectionForServers()).isTrue();
        assertThat(scope.threatDetectionForDatabases()).isFalse();
        assertThat(scope.auditTrail()).isTrue();
    }

    @Test
    void attachedVolumesCountWhenTheyExceedWhatTheServerListed() {
        InventoryBuilder builder = new InventoryBuilder();
        builder.server(instance("i-1", "eu-north-1").attachedDisks(1), InventoryBuilder.Links.NONE);
        builder.attachedDisk(Provider.AWS, "i-1");
        builder.attachedDisk(Provider.AWS, "i-1");
        assertThat(builder.build().servers().get(0).attachedDisks()).isEqualTo(2);
    }
}
