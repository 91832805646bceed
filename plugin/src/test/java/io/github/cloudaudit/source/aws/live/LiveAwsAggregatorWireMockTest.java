package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.aws.Ec2InstancesReader;
import io.github.cloudaudit.source.aws.Ec2SecurityGroupsReader;
import io.github.cloudaudit.source.aws.Ec2VolumesReader;
import io.github.cloudaudit.source.aws.RdsDbInstancesReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The AWS Config aggregator, which moto does not serve: answers in its wire format (JSON 1.1 with the
 * {@code StarlingDoveService} target), several pages, access denied, and items in Config's own camelCase shape.
 */
class LiveAwsAggregatorWireMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "StarlingDoveService.SelectAggregateResourceConfig";
    private static final String AGGREGATOR = "org-aggregator";
    private static final String ACCOUNT = "111111111111";
    private static final String OTHER = "222222222222";
    private static final String EU = "eu-north-1";
    private static final String US = "us-east-1";

    /** A stopped MySQL host as Config records it: the EC2 model's members in camelCase. */
    private static final String CONFIG_INSTANCE = """
            {"instanceId": "i-0db", "imageId": "ami-1", "instanceType": "m4.large", "launchTime": "2019-05-02T08:00:00.000Z",
             "state": {"code": 80, "name": "stopped"}, "stateTransitionReason": "User initiated (2025-03-01 10:00:00 GMT)",
             "placement": {"availabilityZone": "eu-north-1a", "tenancy": "default"}, "platformDetails": "Linux/UNIX",
             "vpcId": "vpc-1", "monitoring": {"state": "disabled"},
             "securityGroups": [{"groupId": "sg-db", "groupName": "db"}],
             "blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"attachTime": "2019-05-02T08:00:01.000Z",
               "deleteOnTermination": true, "status": "attached", "volumeId": "vol-1"}}],
             "networkInterfaces": [{"networkInterfaceId": "eni-1", "attachment": {"deviceIndex": 0}}],
             "tags": [{"key": "Name", "value": "legacy-db"}, {"key": "Owner", "value": "team-a"}]}""";
    private static final String CLI_INSTANCE = """
            {"InstanceId": "i-0db", "ImageId": "ami-1", "InstanceType": "m4.large", "LaunchTime": "2019-05-02T08:00:00.000Z",
             "State": {"Code": 80, "Name": "stopped"}, "StateTransitionReason": "User initiated (2025-03-01 10:00:00 GMT)",
             "Placement": {"AvailabilityZone": "eu-north-1a", "Tenancy": "default"}, "PlatformDetails": "Linux/UNIX",
             "VpcId": "vpc-1", "Monitoring": {"State": "disabled"},
             "SecurityGroups": [{"GroupId": "sg-db", "GroupName": "db"}],
             "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"AttachTime": "2019-05-02T08:00:01.000Z",
               "DeleteOnTermination": true, "Status": "attached", "VolumeId": "vol-1"}}],
             "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "Attachment": {"DeviceIndex": 0}}],
             "Tags": [{"Key": "Name", "Value": "legacy-db"}, {"Key": "Owner", "Value": "team-a"}]}""";
    /** Config keeps EC2's legacy bare-CIDR ipRanges beside ipv4Ranges. */
    private static final String CONFIG_GROUP = """
            {"groupId": "sg-db", "groupName": "db", "vpcId": "vpc-1", "ipPermissions": [{"ipProtocol": "tcp",
              "fromPort": 3306, "toPort": 3306, "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"],
              "ipv6Ranges": [{"cidrIpv6": "::/0"}], "userIdGroupPairs": [{"groupId": "sg-app"}],
              "prefixListIds": [{"prefixListId": "pl-1"}]}]}""";
    private static final String CLI_GROUP = """
            {"GroupId": "sg-db", "GroupName": "db", "VpcId": "vpc-1", "IpPermissions": [{"IpProtocol": "tcp",
              "FromPort": 3306, "ToPort": 3306, "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
              "Ipv6Ranges": [{"CidrIpv6": "::/0"}], "UserIdGroupPairs": [{"GroupId": "sg-app"}],
              "PrefixListIds": [{"PrefixListId": "pl-1"}]}]}""";
    private static final String CONFIG_VOLUME = """
            {"volumeId": "vol-2", "state": "in-use", "attachments": [{"instanceId": "i-0db", "state": "attached"}]}""";
    private static final String CLI_VOLUME = """
            {"VolumeId": "vol-2", "State": "in-use", "Attachments": [{"InstanceId": "i-0db", "State": "attached"}]}""";
    /** Config keeps a DB instance's tags beside its configuration, in the query's tags column. */
    private static final String CONFIG_DATABASE = """
            {"dBInstanceIdentifier": "orders", "dBInstanceArn": "arn:aws:rds:us-east-1:222222222222:db:orders",
             "dBInstanceClass": "db.m4.large", "engine": "mysql", "engineVersion": "5.7.44", "dBInstanceStatus": "available",
             "instanceCreateTime": "2018-01-10T00:00:00.000Z", "monitoringInterval": 60, "publiclyAccessible": true,
             "dBSubnetGroup": {"vpcId": "vpc-9"}, "vpcSecurityGroups": [{"vpcSecurityGroupId": "sg-rds", "status": "active"}]}""";
    private static final String CLI_DATABASE = """
            {"DBInstanceIdentifier": "orders", "DBInstanceArn": "arn:aws:rds:us-east-1:222222222222:db:orders",
             "DBInstanceClass": "db.m4.large", "Engine": "mysql", "EngineVersion": "5.7.44", "DBInstanceStatus": "available",
             "InstanceCreateTime": "2018-01-10T00:00:00.000Z", "MonitoringInterval": 60, "PubliclyAccessible": true,
             "DBSubnetGroup": {"VpcId": "vpc-9"}, "VpcSecurityGroups": [{"VpcSecurityGroupId": "sg-rds", "Status": "active"}],
             "TagList": [{"Key": "Owner", "Value": "team-b"}]}""";

    private WireMockServer wireMock;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private Inventory audit() throws IOException {
        LiveAwsSource source = new LiveAwsSource(AwsSettings.of(null, List.of(US), List.of(), null,
                URI.create(wireMock.baseUrl())).withMaxAttempts(1).withConfigAggregator(AGGREGATOR), MotoEstate.TESTING);
        InventoryBuilder builder = new InventoryBuilder();
        source.collect(builder, new InventorySource.Log(log::add, log::add));
        return builder.build();
    }

    private static MappingBuilder select() {
        return post("/").withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.ConfigurationAggregatorName", equalTo(AGGREGATOR)));
    }

    private static ResponseDefinitionBuilder page(String nextToken, String... results) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        var array = body.putArray("Results");
        for (String result : results) {
            array.add(result);
        }
        body.putObject("QueryInfo").putArray("SelectFields");
        if (nextToken != null) {
            body.put("NextToken", nextToken);
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(JSON.writeValueAsString(body));
    }

    /** One result row as the query's SELECT gives it: the configuration is an object, the tags a list. */
    private static String row(String account, String region, String type, String configuration, String tags)
            throws IOException {
        ObjectNode row = JSON.createObjectNode().put("accountId", account).put("awsRegion", region)
                .put("resourceType", type);
        row.set("configuration", JSON.readTree(configuration));
        row.set("tags", JSON.readTree(tags));
        return JSON.writeValueAsString(row);
    }

    private void serveThreePages() throws IOException {
        wireMock.stubFor(select().withRequestBody(matchingJsonPath("$.NextToken", equalTo("t2")))
                .willReturn(page("t3", row(ACCOUNT, EU, "AWS::EC2::SecurityGroup", CONFIG_GROUP, "[]"),
                        row(ACCOUNT, EU, "AWS::EC2::Volume", CONFIG_VOLUME, "[]"))));
        wireMock.stubFor(select().withRequestBody(matchingJsonPath("$.NextToken", equalTo("t3")))
                .willReturn(page(null, row(OTHER, US, "AWS::RDS::DBInstance", CONFIG_DATABASE,
                        "[{\"key\": \"Owner\", \"value\": \"team-b\", \"tag\": \"Owner=team-b\"}]"))));
        wireMock.stubFor(select().atPriority(10).willReturn(page("t2",
                row(ACCOUNT, EU, "AWS::EC2::Instance", CONFIG_INSTANCE, "[]"))));
    }

    @Test
    void everyPageIsReadWithTheQueryAndItsItemsBecomeServersOfTheirAccountAndRegion() throws IOException {
        serveThreePages();

        Inventory inventory = audit();

        assertThat(inventory.servers()).extracting(Server::id, Server::account, Server::region)
                .containsExactly(tuple("i-0db", ACCOUNT, EU), tuple("orders", OTHER, US));
        List<String> bodies = selects().stream().map(e -> e.getRequest().getBodyAsString()).toList();
        assertThat(bodies).hasSize(3).allSatisfy(body -> {
            assertThat(JSON.readTree(body).get("Expression").asText()).isEqualTo(AggregatorReading.QUERY);
            assertThat(JSON.readTree(body).get("Limit").asInt()).isEqualTo(AggregatorReading.PAGE_SIZE);
        });
        assertThat(AggregatorReading.QUERY).contains("'AWS::EC2::Instance'", "'AWS::RDS::DBInstance'",
                "'AWS::EC2::SecurityGroup'", "'AWS::EC2::Volume'", "configuration", "accountId", "awsRegion");
        assertThat(inventory.apiCalls()).containsEntry(AggregatorReading.OPERATION, 3L);
        assertThat(inventory.servers().get(0).origin().operation())
                .isEqualTo("config:SelectAggregateResourceConfig AWS::EC2::Instance");
    }

    @Test
    void theAggregatorPathCallsNoAccountOrRegionItself() throws IOException {
        serveThreePages();

        Inventory inventory = audit();

        assertThat(inventory.apiCalls()).containsOnlyKeys(AggregatorReading.OPERATION);
        assertThat(wireMock.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getRequest().getHeader("X-Amz-Target")).isEqualTo(TARGET));
        assertThat(wireMock.getAllServeEvents()).noneMatch(event ->
                event.getRequest().getBodyAsString().contains("Action=DescribeInstances"));
    }

    @Test
    void configItemsGiveTheSameServersAsTheCliOutputOfTheSameResources() throws IOException {
        serveThreePages();

        List<Server> fromConfig = audit().servers();
        List<Server> fromCli = cliInventory().servers();

        assertThat(fromConfig).usingRecursiveFieldByFieldElementComparatorIgnoringFields("origin")
                .containsExactlyElementsOf(fromCli);
        // Not vacuous: every fact the mappings read arrived.
        Server host = fromCli.get(0);
        assertThat(host.name()).isEqualTo("legacy-db");
        assertThat(host.tags()).containsEntry("Owner", "team-a");
        assertThat(host.type()).isEqualTo("m4.large");
        assertThat(host.launchedOn()).isEqualTo(LocalDate.of(2019, 5, 2));
        assertThat(host.stateSince()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(host.networkIds()).containsExactly("vpc-1");
        assertThat(host.ingress()).hasSize(4);
        assertThat(host.attachedDisks()).isNotNull();
        assertThat(host.monitoring().detailedMonitoring()).isFalse();
        Server database = fromCli.get(1);
        assertThat(database.engine()).isEqualTo(new DatabaseEngine("mysql", "5.7.44"));
        assertThat(database.tags()).containsEntry("Owner", "team-b");
        assertThat(database.publiclyAccessible()).isTrue();
        assertThat(database.launchedOn()).isEqualTo(LocalDate.of(2018, 1, 10));
    }

    /** The same resources as `aws ec2 describe-*` and `aws rds describe-db-instances` print them. */
    private static Inventory cliInventory() throws IOException {
        InventoryBuilder builder = new InventoryBuilder();
        cli(builder, new Ec2InstancesReader(), ACCOUNT, EU,
                "{\"Reservations\": [{\"OwnerId\": \"" + ACCOUNT + "\", \"Instances\": [" + CLI_INSTANCE + "]}]}");
        cli(builder, new Ec2SecurityGroupsReader(), ACCOUNT, EU, "{\"SecurityGroups\": [" + CLI_GROUP + "]}");
        cli(builder, new Ec2VolumesReader(), ACCOUNT, EU, "{\"Volumes\": [" + CLI_VOLUME + "]}");
        cli(builder, new RdsDbInstancesReader(), OTHER, US, "{\"DBInstances\": [" + CLI_DATABASE + "]}");
        return builder.build();
    }

    private static void cli(InventoryBuilder builder, io.github.cloudaudit.source.aws.AwsCliReader reader,
                            String account, String region, String page) throws IOException {
        Answer answer = new Answer(reader, "cli");
        answer.add((ObjectNode) JSON.readTree(page));
        answer.mapInto(builder, account, region);
    }

    @Test
    void whatTheAggregatorCannotGiveIsAGapForEveryAccountAndRegionItSaw() throws IOException {
        serveThreePages();

        Inventory inventory = audit();

        assertThat(inventory.gaps()).extracting(CoverageGap::account, CoverageGap::region, CoverageGap::what)
                .containsExactly(tuple(ACCOUNT, EU, AggregatorReading.NOT_READ), tuple(OTHER, US, AggregatorReading.NOT_READ));
        assertThat(inventory.gaps().get(0).reason()).contains(AGGREGATOR);
        assertThat(inventory.servers().get(0).monitoring().cpuAlarm()).as("unknown, never fine").isNull();
    }

    @Test
    void accessDeniedIsAGapNamingTheAggregatorAndTheOperationNeverAnEmptyAllClear() throws IOException {
        wireMock.stubFor(select().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                        {"__type": "com.amazonaws.starlingdove#AccessDeniedException",
                         "message": "not authorized to perform config:SelectAggregateResourceConfig"}""")));

        Inventory inventory = audit();

        assertThat(inventory.servers()).isEmpty();
        assertThat(inventory.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.what()).isEqualTo("config:SelectAggregateResourceConfig aggregator " + AGGREGATOR);
            assertThat(gap.reason()).startsWith("AccessDeniedException (HTTP 400): the credentials may not make this");
        });
    }

    @Test
    void aDeniedLaterPageKeepsWhatWasReadAndSaysTheRestIsMissing() throws IOException {
        wireMock.stubFor(select().withRequestBody(matchingJsonPath("$.NextToken", equalTo("t2")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"denied\"}")));
        wireMock.stubFor(select().atPriority(10).willReturn(page("t2",
                row(ACCOUNT, EU, "AWS::EC2::Instance", CONFIG_INSTANCE, "[]"))));

        Inventory inventory = audit();

        assertThat(inventory.servers()).extracting(Server::id).containsExactly("i-0db");
        assertThat(inventory.gaps()).extracting(CoverageGap::what)
                .contains("config:SelectAggregateResourceConfig aggregator " + AGGREGATOR);
    }

    @Test
    void aResultWithoutItsPlaceIsAClearErrorNotASkip() throws IOException {
        wireMock.stubFor(select().willReturn(page(null, "{\"resourceType\": \"AWS::EC2::Instance\", \"configuration\": {}}")));

        assertThatThrownBy(this::audit).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("config:SelectAggregateResourceConfig aggregator " + AGGREGATOR)
                .hasMessageContaining("expected result 1 to have accountId, awsRegion");
    }

    private List<ServeEvent> selects() {
        return wireMock.getAllServeEvents().stream()
                .filter(e -> TARGET.equals(e.getRequest().getHeader("X-Amz-Target"))).toList();
    }
}
