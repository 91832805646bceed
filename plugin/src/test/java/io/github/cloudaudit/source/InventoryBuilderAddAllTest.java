package io.github.cloudaudit.source;

import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SharedValues;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.model.ThreatFinding;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.github.cloudaudit.model.Provider.AWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A part read on its own and then added gives the builder that making the part's calls in turn would give. */
class InventoryBuilderAddAllTest {

    private static final LocalDate AUDIT = LocalDate.of(2026, 12, 1);
    private static final String ACCOUNT = "123456789012";
    private static final Predicate<Server> FIRST_ROUND_ALARM = server -> server.id().equals("i-first");
    private static final Predicate<Server> SECOND_ROUND_ALARM = server -> server.id().equals("i-second");

    @Test
    void addingAPartIsMakingItsCallsHereInTurn() throws IllegalAccessException {
        InventoryBuilder inTurn = new InventoryBuilder(AUDIT);
        facts(inTurn, "first");
        facts(inTurn, "second");
        InventoryBuilder whole = new InventoryBuilder(AUDIT);
        facts(whole, "first");
        InventoryBuilder part = whole.emptyPart();
        facts(part, "second");

        whole.addAll(part);

        // The store of shared values is no fact: a part's servers share their values again when they are linked.
        assertThat(whole).usingRecursiveComparison().ignoringFieldsOfTypes(SharedValues.class).isEqualTo(inTurn);
        for (Field field : instanceFields()) {
            if (field.get(whole) instanceof LinkedHashMap<?, ?> ordered) {
                assertThat(List.copyOf(ordered.keySet())).as("the order of " + field.getName())
                        .isEqualTo(List.copyOf(((Map<?, ?>) field.get(inTurn)).keySet()));
            }
        }
        assertSameInventory(whole.build(), inTurn.build());
    }

    /** A field that {@link #facts} leaves empty would not be checked above: a new field needs its call there. */
    @Test
    void everyFieldIsFilledByBothRoundsSoThatEveryMergeIsChecked() throws IllegalAccessException {
        for (String round : List.of("first", "second")) {
            InventoryBuilder builder = new InventoryBuilder(AUDIT);
            facts(builder, round);
            for (Field field : instanceFields()) {
                Object value = field.get(builder);
                if (!(value instanceof PlausibleDates || value instanceof SharedValues)) {
                    assertThat(value instanceof Map<?, ?> map ? map.size() : ((Collection<?>) value).size())
                            .as(field.getName() + " after the " + round + " round: call what fills it in facts()")
                            .isPositive();
                }
            }
        }
    }

    @Test
    void aLaterRecordOfAServerReplacesItInTheFirstOnesPlace() {
        InventoryBuilder whole = new InventoryBuilder(AUDIT);
        whole.server(server("i-a").type("t2.micro").build());
        whole.server(server("i-b").build());
        InventoryBuilder part = whole.emptyPart();
        part.server(server("i-c").build());
        part.server(server("i-a").type("m5.large").build());

        whole.addAll(part);

        assertThat(whole.build().servers()).extracting(Server::id, Server::type)
                .containsExactly(tuple("i-a", "m5.large"), tuple("i-b", null), tuple("i-c", null));
    }

    @Test
    void factsOfTheSameThingMergeAsTheirMethodsDoAndListsKeepFileOrder() {
        InventoryBuilder whole = new InventoryBuilder(AUDIT);
        whole.server(server("i-a").build());
        whole.attachedDisk(AWS, "i-a");
        whole.attachedDisk(AWS, "i-a");
        whole.existedOn(AWS, "i-a", LocalDate.of(2019, 4, 2));
        whole.scope(new Scope(AWS, ACCOUNT, "eu-north-1", true, null, false));
        whole.gap(gap("first"));
        whole.source(new SourceFile("first.json", "f", null));
        whole.apiCalls(Map.of("ec2:DescribeInstances", 2L));
        InventoryBuilder part = whole.emptyPart();
        part.attachedDisk(AWS, "i-a");
        part.existedOn(AWS, "i-a", LocalDate.of(2020, 5, 1));
        part.scope(new Scope(AWS, ACCOUNT, "eu-north-1", false, false, null));
        part.gap(gap("second"));
        part.source(new SourceFile("second.json", "f", null));
        part.apiCalls(Map.of("ec2:DescribeInstances", 3L, "rds:DescribeDBInstances", 1L));

        whole.addAll(part);

        Inventory inventory = whole.build();
        assertThat(inventory.servers().get(0).attachedDisks()).isEqualTo(3);
        assertThat(inventory.servers().get(0).launchedOn()).isEqualTo(LocalDate.of(2019, 4, 2));
        assertThat(inventory.scopes()).containsExactly(new Scope(AWS, ACCOUNT, "eu-north-1", true, false, false));
        assertThat(inventory.gaps()).extracting(CoverageGap::what).containsExactly("first", "second");
        assertThat(inventory.sources()).extracting(SourceFile::path).containsExactly("first.json", "second.json");
        assertThat(inventory.apiCalls()).containsExactly(Map.entry("ec2:DescribeInstances", 5L),
                Map.entry("rds:DescribeDBInstances", 1L));
    }

    @Test
    void aPartChecksDatesForTheSameAudit() {
        InventoryBuilder whole = new InventoryBuilder(LocalDate.of(2010, 1, 1));
        assertThat(whole.emptyPart().dates()).isSameAs(whole.dates());
    }

    static void assertSameInventory(Inventory actual, Inventory expected) {
        assertThat(actual.servers()).containsExactlyElementsOf(expected.servers());
        assertThat(actual.scopes()).containsExactlyElementsOf(expected.scopes());
        assertThat(actual.networks()).containsExactlyElementsOf(expected.networks());
        assertThat(actual.gaps()).containsExactlyElementsOf(expected.gaps());
        assertThat(actual.sources()).containsExactlyElementsOf(expected.sources());
        assertThat(actual.threats()).containsExactlyElementsOf(expected.threats());
        assertThat(actual.apiCalls()).containsExactlyEntriesOf(expected.apiCalls());
    }

    /**
     * One file's worth of every kind of fact. Both rounds name some of the same things (i-shared, sg-shared,
     * subnet-a, the region's scope...), so that replacing, merging and keeping the first place all take effect.
     */
    private static void facts(InventoryBuilder builder, String round) {
        boolean first = round.equals("first");
        builder.server(server("i-shared").type("t3." + round).build());
        builder.server(server("i-" + round), new InventoryBuilder.Links("ami-shared", List.of("sg-shared"),
                List.of("eni-" + round)));
        builder.image(AWS, "ami-shared", new OperatingSystem("ubuntu", first ? "14.04" : "22.04", null), "image-" + round);
        builder.securityGroup(AWS, "sg-shared", List.of(new IngressRule("tcp", 22, 22, "10.0.0.0/8", round)));
        builder.securityGroup(AWS, "sg-a", List.of(new IngressRule("tcp", 3306, 3306, "0.0.0.0/0", round)));
        builder.networkInterface(AWS, new NetworkInterface("eni-" + round, "i-" + round, "sg-a", true,
                List.of(new NetworkInterface.Subnet("subnet-a", "vpc-" + round))));
        builder.networkInterface(AWS, new NetworkInterface("eni-shared", "i-shared", null, false,
                List.of(new NetworkInterface.Subnet("subnet-b", "vpc-" + round))));
        // subnet-a: none named first, then one; subnet-b: one named first, then none. Both times the named one wins.
        builder.subnetSecurityGroup(AWS, "subnet-a", first ? null : "sg-a");
        builder.subnetSecurityGroup(AWS, "subnet-b", first ? "sg-shared" : null);
        builder.installedEngine(AWS, "i-shared", new DatabaseEngine("mysql", first ? "5.7" : "8.0"));
        builder.attachedDisk(AWS, "i-shared");
        builder.cpuAlarm(AWS, "i-" + round);
        builder.cpuAlarmCovering(first ? FIRST_ROUND_ALARM : SECOND_ROUND_ALARM);
        builder.existedOn(AWS, "i-shared", first ? LocalDate.of(2021, 1, 1) : LocalDate.of(2018, 6, 1));
        builder.cpu(AWS, "i-shared", new CpuStatistics(14, first ? 1.0 : 2.0, 50.0));
        builder.threat(new ThreatFinding(AWS, ACCOUNT, "i-shared", "guardduty", "CryptoCurrency:EC2/" + round, true,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 1));
        builder.alarmsCollected(AWS, ACCOUNT, first ? "eu-north-1" : "us-east-1");
        builder.agentReporting(AWS, "i-" + round);
        builder.agentsCollected(AWS, ACCOUNT, first ? "eu-north-1" : "us-east-1");
        builder.flowLog(AWS, "vpc-" + round);
        builder.flowLogsCollected(AWS, ACCOUNT, first ? "eu-north-1" : null);
        builder.scope(new Scope(AWS, ACCOUNT, "eu-north-1", first ? false : true, first ? null : false, first));
        builder.scope(new Scope(AWS, ACCOUNT, round, null, null, true));
        builder.network(new Network(AWS, ACCOUNT, "eu-north-1", "vpc-shared", first));
        builder.network(new Network(AWS, ACCOUNT, "eu-north-1", "vpc-" + round, null));
        builder.gap(gap(round));
        builder.apiCalls(Map.of("ec2:DescribeInstances", first ? 2L : 3L, "ec2:DescribeImages", 1L));
        builder.source(new SourceFile(round + ".json", "aws-cli: ec2 describe-instances", null));
    }

    private static Server.Builder server(String id) {
        return Server.builder().provider(Provider.AWS).id(id).account(ACCOUNT).region("eu-north-1");
    }

    private static CoverageGap gap(String what) {
        return new CoverageGap(AWS, ACCOUNT, "eu-north-1", what, "cannot be read");
    }

    private static List<Field> instanceFields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : InventoryBuilder.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }
}
