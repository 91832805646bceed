package io.github.cloudaudit.source.normalized;

import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.CpuStatistics;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.model.SourceFile;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.InventoryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NormalizedInventoryReaderTest {

    static final String EXAMPLE = """
            { "schemaVersion": 1,
              "collectedAt": "2026-11-20T10:00:00Z", "collector": "hand-made",
              "servers": [ { "provider": "aws", "kind": "virtual_machine", "id": "i-0abc", "name": "legacy-db",
                             "account": "123456789012", "region": "eu-north-1",
                             "type": "m3.large", "state": "running", "launchedOn": "2018-03-01", "stateSince": "2018-03-01",
                             "os": {"product": "ubuntu", "version": "14.04", "description": "ubuntu/images/trusty"},
                             "engine": {"product": "mysql", "version": "5.6.51"}, "image": "ami-legacy",
                             "tags": {"Name": "legacy-db"},
                             "networkIds": ["vpc-1"],
                             "ingress": [{"protocol": "tcp", "fromPort": 3306, "toPort": 3306, "source": "0.0.0.0/0", "via": "sg-1 (legacy-db)"}],
                             "publiclyAccessible": null, "attachedDisks": 2,
                             "monitoring": {"cpuAlarm": false, "detailedMonitoring": false, "agent": false},
                             "cpu": {"periodDays": 14, "averagePercent": 97.5, "maximumPercent": 100} } ],
              "scopes": [ {"provider": "aws", "account": "123456789012", "region": "eu-north-1",
                           "threatDetectionForServers": false, "threatDetectionForDatabases": false, "auditTrail": true} ],
              "networks": [ {"provider": "aws", "account": "123456789012", "region": "eu-north-1", "id": "vpc-1", "flowLogs": false} ],
              "gaps": [ {"provider": "aws", "account": "123456789012", "region": "us-east-1",
                         "what": "ec2:DescribeInstances", "reason": "AccessDenied"} ] }
            """;

    static final String EXAMPLE_YAML = """
            schemaVersion: 1
            collectedAt: 2026-11-20T10:00:00Z
            collector: hand-made
            servers:
              - provider: AWS
                kind: VIRTUAL_MACHINE
                id: i-0abc
                name: legacy-db
                account: "123456789012"
                region: eu-north-1
                type: m3.large
                state: Running
                launchedOn: 2018-03-01
                stateSince: 2018-03-01
                os: {product: ubuntu, version: "14.04", description: ubuntu/images/trusty}
                engine: {product: mysql, version: 5.6.51}
                image: ami-legacy
                tags:
                  Name: legacy-db
                networkIds: [vpc-1]
                ingress:
                  - {protocol: tcp, fromPort: 3306, toPort: 3306, source: 0.0.0.0/0, via: sg-1 (legacy-db)}
                publiclyAccessible: ~
                attachedDisks: 2
                monitoring: {cpuAlarm: false, detailedMonitoring: false, agent: false}
                cpu: {periodDays: 14, averagePercent: 97.5, maximumPercent: 100}
            scopes:
              - {provider: aws, account: "123456789012", region: eu-north-1, threatDetectionForServers: false,
                 threatDetectionForDatabases: false, auditTrail: true}
            networks:
              - {provider: aws, account: "123456789012", region: eu-north-1, id: vpc-1, flowLogs: false}
            gaps:
              - {provider: aws, account: "123456789012", region: us-east-1, what: "ec2:DescribeInstances", reason: AccessDenied}
            """;

    @TempDir
    Path dir;

    @Test
    void readsEveryFieldOfTheDocumentedExample() throws IOException {
        Path file = write("inventory.json", EXAMPLE);

        Inventory inventory = load(file);

        // The server's origin is where its object starts: line 3, column 16 of EXAMPLE.
        assertThat(inventory.servers()).containsExactly(exampleServer(Origin.file(file.toString(), 3, 16)));
        assertThat(inventory.scopes()).containsExactly(
                new Scope(Provider.AWS, "123456789012", "eu-north-1", false, false, true));
        assertThat(inventory.networks()).containsExactly(
                new Network(Provider.AWS, "123456789012", "eu-north-1", "vpc-1", false));
        assertThat(inventory.gaps()).containsExactly(
                new CoverageGap(Provider.AWS, "123456789012", "us-east-1", "ec2:DescribeInstances", "AccessDenied"));
        assertThat(inventory.sources()).containsExactly(new SourceFile(file.toString(), "normalized inventory v1", null));
    }

    @Test
    void readsTheSameFactsFromYamlWithEnumsInAnyCase() throws IOException {
        Path file = write("inventory.yaml", EXAMPLE_YAML);

        Inventory inventory = load(file);

        assertThat(inventory.servers()).containsExactly(exampleServer(Origin.file(file.toString(), 5, 5)));
        assertThat(inventory.scopes()).hasSize(1);
        assertThat(inventory.networks()).hasSize(1);
        assertThat(inventory.gaps()).hasSize(1);
    }

    @Test
    void theServiceLoaderFindsTheReader() throws IOException {
        Path file = write("inventory.json", EXAMPLE);

        Inventory inventory = InventoryLoader.withBuiltInReaders(message -> { }).load(List.of(file));

        assertThat(inventory.servers()).extracting(Server::id).containsExactly("i-0abc");
    }

    @Test
    void absentFactsStayUnknownAndKindDefaultsToVirtualMachine() throws IOException {
        Path file = write("minimal.json", """
                {"schemaVersion": 1, "servers": [{"provider": "azure", "id": "/subscriptions/s/vm1", "state": null}]}
                """);

        Server server = load(file).servers().get(0);

        assertThat(server.kind()).isEqualTo(ResourceKind.VIRTUAL_MACHINE);
        assertThat(server.state()).isNull();
        assertThat(server.launchedOn()).isNull();
        assertThat(server.os()).isNull();
        assertThat(server.attachedDisks()).isNull();
        assertThat(server.publiclyAccessible()).isNull();
        assertThat(server.monitoring()).isEqualTo(Monitoring.UNKNOWN);
        assertThat(server.cpu()).isNull();
        assertThat(server.tags()).isEmpty();
    }

    @Test
    void emptyAndNullListsAreAccepted() throws IOException {
        Path file = write("empty.json", """
                {"schemaVersion": 1, "collectedAt": null, "servers": [], "scopes": null, "gaps": []}
                """);

        assertThat(load(file).servers()).isEmpty();
    }

    @Test
    void aNewerSchemaVersionAsksForANewerPlugin() throws IOException {
        Path file = write("v2.json", "{\n  \"schemaVersion\": 2,\n  \"servers\": []\n}\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessage(file + ":2:20: schemaVersion 2 is newer than this plugin supports (1); upgrade the plugin");
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("a server without provider is located at the server",
                        "{\"schemaVersion\": 1, \"servers\": [\n  {\"id\": \"i-1\"},\n  {\"name\": \"x\", \"provider\": \"aws\"}\n]}",
                        2, 3, "servers[0]: expected 'provider' (aws or azure)"),
                Arguments.of("a threat finding without the server it is about",
                        "{\"schemaVersion\": 1, \"threats\": [\n  {\"provider\": \"aws\", \"account\": \"1\", \"service\": \"GuardDuty\", \"type\": \"t\", \"count\": 1}\n]}",
                        2, 3, "threats[0]: expected 'account' and 'serverId', the server the threat-detection service reports on"),
                Arguments.of("a threat finding seen no times",
                        "{\"schemaVersion\": 1, \"threats\": [\n  {\"provider\": \"aws\", \"account\": \"1\", \"serverId\": \"i-1\", \"service\": \"GuardDuty\", \"type\": \"t\"}\n]}",
                        2, 3, "threats[0]: expected 'count', how many times it was seen (1 or more)"),
                Arguments.of("a server without id",
                        "{\"schemaVersion\": 1, \"servers\": [\n  {\"provider\": \"aws\", \"id\": \"  \"}\n]}",
                        2, 3, "servers[0]: expected 'id', the cloud's own id of the server"),
                Arguments.of("a misspelt field is an error, never 'unknown'",
                        "{\"schemaVersion\": 1, \"servers\": [\n  {\"provider\": \"aws\", \"id\": \"i-1\"},\n  {\"provider\": \"aws\",\n   \"nmae\": \"x\", \"id\": \"i-2\"}\n]}",
                        3, 3, "servers[1]: unknown field 'nmae'; expected one of account, attachedDisks"),
                Arguments.of("a misspelt nested field names its path",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"os\": {\"prodcut\": \"ubuntu\"}}]}",
                        1, 34, "servers[0].os: unknown field 'prodcut'; expected one of description, product, version"),
                Arguments.of("a word where a count belongs",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"attachedDisks\": \"two\"}]}",
                        1, 84, "servers[0].attachedDisks: expected a whole number, found 'two'"),
                Arguments.of("a fraction where a count belongs",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"attachedDisks\": 2.5}]}",
                        1, 84, "servers[0].attachedDisks: expected a whole number"),
                Arguments.of("a date that is not ISO",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"launchedOn\": \"01/03/2018\"}]}",
                        1, 81, "servers[0].launchedOn: expected an ISO date such as 2018-03-01, found '01/03/2018'"),
                Arguments.of("a day that does not exist",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"launchedOn\": \"2024-02-30\"}]}",
                        1, 81, "servers[0].launchedOn: expected an ISO date such as 2018-03-01, found '2024-02-30'"),
                Arguments.of("a date with a time",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"launchedOn\": \"2024-01-31T10:00:00Z\"}]}",
                        1, 81, "servers[0].launchedOn: expected an ISO date such as 2018-03-01, found '2024-01-31T10:00:00Z'"),
                Arguments.of("a state that does not exist",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"state\": \"hibernating\"}]}",
                        1, 76, "servers[0].state: expected one of running, stopped, other, found 'hibernating'"),
                Arguments.of("a provider given as a number",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": 0, \"id\": \"i-1\"}]}",
                        1, 47, "servers[0].provider: expected one of aws, azure"),
                Arguments.of("a single id where a list belongs",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"networkIds\": \"vpc-1\"}]}",
                        1, 81, "servers[0].networkIds: expected a list, found 'vpc-1'"),
                Arguments.of("a null inside a list",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"networkIds\": [null]}]}",
                        1, 34, "servers[0].networkIds: expected network ids, found null in the list"),
                Arguments.of("half of the CPU statistics",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"cpu\": {\"averagePercent\": 50}}]}",
                        1, 34, "servers[0].cpu: expected all of 'periodDays', 'averagePercent' and 'maximumPercent'"),
                Arguments.of("a CPU percentage above 100",
                        "{\"schemaVersion\": 1, \"servers\": [{\"provider\": \"aws\", \"id\": \"i-1\", \"cpu\": {\"periodDays\": 14, \"averagePercent\": 150, \"maximumPercent\": 100}}]}",
                        1, 34, "servers[0].cpu: expected 'averagePercent' and 'maximumPercent' between 0 and 100"),
                Arguments.of("a scope without account",
                        "{\"schemaVersion\": 1, \"scopes\": [{\"provider\": \"aws\", \"region\": \"eu-north-1\"}]}",
                        1, 33, "scopes[0]: expected 'account', the AWS account id or Azure subscription id"),
                Arguments.of("a network without id",
                        "{\"schemaVersion\": 1, \"networks\": [{\"provider\": \"aws\"}]}",
                        1, 35, "networks[0]: expected 'id', the VPC or virtual network id"),
                Arguments.of("a gap that does not say what is missing",
                        "{\"schemaVersion\": 1, \"gaps\": [{\"provider\": \"aws\", \"reason\": \"AccessDenied\"}]}",
                        1, 31, "gaps[0]: expected 'what', the data that could not be collected"),
                Arguments.of("a misspelt top-level key",
                        "{\"schemaVersion\": 1, \"sevrers\": []}",
                        1, 22, "unknown top-level field 'sevrers'; expected one of schemaVersion, collectedAt, collector, servers, scopes, networks, gaps"),
                Arguments.of("facts before the version",
                        "{\"servers\": [], \"schemaVersion\": 1}",
                        1, 2, "expected 'schemaVersion' before 'servers'"),
                Arguments.of("a version that is not a number",
                        "{\"schemaVersion\": \"1\"}",
                        1, 19, "expected 'schemaVersion' to be the whole number 1"),
                Arguments.of("a collection time without offset",
                        "{\"schemaVersion\": 1, \"collectedAt\": \"2026-11-20 10:00\"}",
                        1, 37, "expected 'collectedAt' to be an ISO date and time with offset"),
                Arguments.of("servers that are not a list",
                        "{\"schemaVersion\": 1, \"servers\": {\"provider\": \"aws\"}}",
                        1, 33, "expected 'servers' to be a list"),
                Arguments.of("a server that is not an object",
                        "{\"schemaVersion\": 1, \"servers\": [\"i-1\"]}",
                        1, 34, "servers[0]: expected an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void badInputIsAClearErrorWithFileLineAndColumn(String why, String document, int line, int column,
                                                     String expected) throws IOException {
        Path file = write("bad.json", document);

        assertThatThrownBy(() -> load(file))
                .isInstanceOfSatisfying(InventoryFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                })
                .hasMessageStartingWith(file + ":" + line + ":" + column + ": " + expected);
    }

    @Test
    void aFieldGivenTwiceIsAnError() throws IOException {
        Path file = write("twice.json", """
                {"schemaVersion": 1, "servers": [{"provider": "aws", "id": "i-1", "state": "running", "state": "stopped"}]}
                """);

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("the key 'state' appears twice");
    }

    @Test
    void yamlErrorsNameTheirLineToo() throws IOException {
        Path file = write("bad.yaml", """
                schemaVersion: 1
                servers:
                  - provider: aws
                    id: i-1
                  - provider: aws
                    id: i-2
                    attachedDisks: several
                """);

        assertThatThrownBy(() -> load(file))
                .isInstanceOfSatisfying(InventoryFormatException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageContaining("servers[1].attachedDisks: expected a whole number, found 'several'");
    }

    static Server exampleServer(Origin origin) {
        return Server.builder()
                .provider(Provider.AWS).kind(ResourceKind.VIRTUAL_MACHINE).id("i-0abc").name("legacy-db")
                .account("123456789012").region("eu-north-1").type("m3.large").state(PowerState.RUNNING)
                .launchedOn(LocalDate.of(2018, 3, 1)).stateSince(LocalDate.of(2018, 3, 1))
                .os(new OperatingSystem("ubuntu", "14.04", "ubuntu/images/trusty"))
                .engine(new DatabaseEngine("mysql", "5.6.51")).image("ami-legacy")
                .tags(Map.of("Name", "legacy-db")).networkIds(List.of("vpc-1"))
                .ingress(List.of(new IngressRule("tcp", 3306, 3306, "0.0.0.0/0", "sg-1 (legacy-db)")))
                .attachedDisks(2).monitoring(new Monitoring(false, false, false))
                .cpu(new CpuStatistics(14, 97.5, 100)).origin(origin)
                .build();
    }

    private Inventory load(Path file) throws IOException {
        List<String> warnings = new ArrayList<>();
        Inventory inventory = new InventoryLoader(List.of(new NormalizedInventoryReader()), warnings::add)
                .load(List.of(file));
        assertThat(warnings).isEmpty();
        return inventory;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
