package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** What moto cannot show: throttling, server errors, timeouts, a region that denies access, many pages. */
class LiveAwsSourceWireMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String EU = "eu-north-1";
    private static final String US = "us-east-1";

    private WireMockServer wireMock;
    private final List<String> log = new ArrayList<>();
    /** ec2:DescribeInstances requests of the last audit, retries included. */
    private long calls;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        wireMock.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity")).willReturn(xml(200, """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/audit</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>
                </GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>
                """)));
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private Inventory audit(AwsSettings settings) throws IOException {
        LiveAwsSource source = new LiveAwsSource(settings, MotoEstate.TESTING);
        InventoryBuilder builder = new InventoryBuilder();
        source.collect(builder, new InventorySource.Log(log::add, log::add));
        calls = source.calls().byOperation().getOrDefault("ec2:DescribeInstances", 0L);
        return builder.build();
    }


    private AwsSettings settings(String... regions) {
        return AwsSettings.of(null, List.of(regions), List.of(), null, URI.create(wireMock.baseUrl()));
    }

    private static MappingBuilder describeInstances(String region) {
        return post("/").withRequestBody(containing("Action=DescribeInstances"))
                .withHeader("Authorization", containing("/" + region + "/ec2/"));
    }

    @Test
    void allPagesAreReadAndEachIsOneCall() throws IOException {
        wireMock.stubFor(describeInstances(EU).withRequestBody(notContaining("NextToken"))
                .willReturn(xml(200, instances("p2", "i-1", "i-2"))));
        wireMock.stubFor(describeInstances(EU).withRequestBody(containing("NextToken=p2"))
                .willReturn(xml(200, instances("p3", "i-3"))));
        wireMock.stubFor(describeInstances(EU).withRequestBody(containing("NextToken=p3"))
                .willReturn(xml(200, instances(null, "i-4", "i-5"))));

        Inventory inventory = audit(settings(EU));

        assertThat(inventory.servers()).extracting(Server::id).containsExactly("i-1", "i-2", "i-3", "i-4", "i-5");
        assertThat(calls).isEqualTo(3);
    }

    @Test
    void throttlingIsRetriedUntilTheAnswerComes() throws IOException {
        wireMock.stubFor(describeInstances(EU).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(503, error("RequestLimitExceeded"))).willSetStateTo("once"));
        wireMock.stubFor(describeInstances(EU).inScenario("throttled").whenScenarioStateIs("once")
                .willReturn(xml(503, error("RequestLimitExceeded"))).willSetStateTo("twice"));
        wireMock.stubFor(describeInstances(EU).inScenario("throttled").whenScenarioStateIs("twice")
                .willReturn(xml(200, instances(null, "i-1"))));

        Inventory inventory = audit(settings(EU));

        assertThat(inventory.servers()).extracting(Server::id).containsExactly("i-1");
        assertThat(calls).isEqualTo(3);
        assertThat(gaps(inventory, "ec2:DescribeInstances")).isEmpty();
    }

    @Test
    void aServerErrorIsAGapAndTheRestGoesOn() throws IOException {
        wireMock.stubFor(describeInstances(EU).willReturn(xml(500, error("InternalError"))));
        wireMock.stubFor(post("/").withRequestBody(containing("Action=DescribeSecurityGroups"))
                .willReturn(xml(200, """
                        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                        <requestId>1</requestId><securityGroupInfo/></DescribeSecurityGroupsResponse>""")));

        Inventory inventory = audit(settings(EU).withMaxAttempts(1));

        assertThat(gaps(inventory, "ec2:DescribeInstances")).singleElement().satisfies(gap -> {
            assertThat(gap.account()).isEqualTo(ACCOUNT);
            assertThat(gap.region()).isEqualTo(EU);
            assertThat(gap.reason()).isEqualTo("InternalError (HTTP 500): the service failed to answer");
        });
        assertThat(gaps(inventory, "ec2:DescribeSecurityGroups")).as("the next listing was read").isEmpty();
    }

    @Test
    void aCallThatDoesNotAnswerInTimeIsAGap() throws IOException {
        wireMock.stubFor(describeInstances(EU).willReturn(xml(200, instances(null, "i-1")).withFixedDelay(3000)));

        Inventory inventory = audit(settings(EU).withMaxAttempts(1).withCallTimeout(Duration.ofMillis(800)));

        assertThat(gaps(inventory, "ec2:DescribeInstances")).singleElement()
                .satisfies(gap -> assertThat(gap.reason()).startsWith("timed out"));
        assertThat(inventory.servers()).isEmpty();
    }

    @Test
    void accessDeniedInOneRegionLeavesTheOtherRegionComplete() throws IOException {
        wireMock.stubFor(describeInstances(EU).willReturn(xml(403, error("UnauthorizedOperation"))));
        wireMock.stubFor(describeInstances(US).willReturn(xml(200, instances(null, "i-us"))));

        Inventory inventory = audit(settings(EU, US));

        assertThat(inventory.servers()).extracting(Server::id, Server::region)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i-us", US));
        assertThat(gaps(inventory, "ec2:DescribeInstances")).singleElement().satisfies(gap -> {
            assertThat(gap.region()).isEqualTo(EU);
            assertThat(gap.reason()).startsWith("UnauthorizedOperation (HTTP 403): the credentials may not make this");
        });
        assertThat(log).anyMatch(line -> line.startsWith("AWS " + ACCOUNT + " " + EU + ": "))
                .anyMatch(line -> line.startsWith("AWS " + ACCOUNT + " " + US + ": "));
    }

    @Test
    void credentialsThatDoNotWorkStopTheAuditWithWhatToDo() {
        wireMock.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity")).atPriority(1)
                .willReturn(xml(403, """
                        <ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>
                        <Message>The security token included in the request is invalid.</Message></Error>
                        <RequestId>1</RequestId></ErrorResponse>""")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit(settings(EU)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("AWS: the credentials do not work (InvalidClientTokenId (HTTP 403)")
                .hasMessageContaining("set cloudaudit.aws.profile");
    }

    @Test
    void withoutRegionsEveryEnabledRegionIsReadAndNotOptedInOnesAreSkipped() throws IOException {
        wireMock.stubFor(post("/").withRequestBody(containing("Action=DescribeRegions")).willReturn(xml(200, """
                <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>1</requestId>
                <regionInfo>
                  <item><regionName>eu-north-1</regionName><optInStatus>opt-in-not-required</optInStatus></item>
                  <item><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item>
                  <item><regionName>af-south-1</regionName><optInStatus>not-opted-in</optInStatus></item>
                </regionInfo></DescribeRegionsResponse>""")));
        wireMock.stubFor(describeInstances(EU).willReturn(xml(200, instances(null, "i-eu"))));
        wireMock.stubFor(describeInstances(US).willReturn(xml(200, instances(null, "i-us"))));

        Inventory inventory = audit(settings());

        assertThat(inventory.servers()).extracting(Server::id).containsExactlyInAnyOrder("i-eu", "i-us");
        assertThat(log).anyMatch(line -> line.startsWith("AWS: reading 2 account-region pair(s)"));
        assertThat(inventory.gaps()).noneMatch(gap -> "af-south-1".equals(gap.region()));
    }

    @Test
    void aRoleThatCannotBeAssumedIsAGapForItsAccountAndTheOthersAreRead() throws IOException {
        wireMock.stubFor(post("/").withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("210987654321")).willReturn(xml(403, """
                        <ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>
                        <Message>not allowed to assume the role</Message></Error><RequestId>1</RequestId></ErrorResponse>""")));
        wireMock.stubFor(post("/").withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing(ACCOUNT)).willReturn(xml(200, """
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                        <Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>
                        <SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
                        <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/audit/cloud-audit</Arn>
                        <AssumedRoleId>AROAEXAMPLE:cloud-audit</AssumedRoleId></AssumedRoleUser>
                        </AssumeRoleResult></AssumeRoleResponse>""")));
        wireMock.stubFor(describeInstances(EU).willReturn(xml(200, instances(null, "i-1"))));

        Inventory inventory = audit(AwsSettings.of(null, List.of(EU), List.of("arn:aws:iam::" + ACCOUNT + ":role/audit",
                "arn:aws:iam::210987654321:role/audit"), "external-1", URI.create(wireMock.baseUrl())));

        assertThat(inventory.servers()).extracting(Server::id, Server::account)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i-1", ACCOUNT));
        assertThat(inventory.gaps()).filteredOn(gap -> gap.what().startsWith("sts:AssumeRole")).singleElement()
                .satisfies(gap -> {
                    assertThat(gap.account()).isEqualTo("210987654321");
                    assertThat(gap.what()).isEqualTo("sts:AssumeRole arn:aws:iam::210987654321:role/audit");
                    assertThat(gap.reason()).startsWith("AccessDenied (HTTP 403)");
                });
        assertThat(wireMock.getAllServeEvents()).anySatisfy(event ->
                assertThat(event.getRequest().getBodyAsString()).contains("ExternalId=external-1"));
    }

    @Test
    void ssmSoftwareInventoryNamesTheEngineOnAVirtualMachine() throws IOException {
        wireMock.stubFor(describeInstances(EU).willReturn(xml(200, instances(null, "i-1"))));
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetInventory"))
                .withRequestBody(containing("AWS:Application")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                                {"Entities": [{"Id": "i-1", "Data": {"AWS:Application": {"TypeName": "AWS:Application",
                                  "SchemaVersion": "1.1", "CaptureTime": "2026-11-22T10:00:00Z", "Content": [
                                    {"Name": "mysql-server", "Version": "5.6.51-1debian10"}]}}}]}""")));

        Inventory inventory = audit(settings(EU));

        assertThat(inventory.servers()).singleElement()
                .satisfies(server -> assertThat(server.engine()).isEqualTo(new DatabaseEngine("mysql", "5.6.51")));
        assertThat(gaps(inventory, "ssm:GetInventory")).isEmpty();
    }

    @Test
    void cpuOfManyServersTakesOneCallPer500() {
        wireMock.stubFor(post("/").withRequestBody(containing("Action=GetMetricData")).willReturn(xml(200, """
                <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricDataResult>
                <MetricDataResults/></GetMetricDataResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                </GetMetricDataResponse>""")));
        List<CpuMetrics.Server> servers = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            servers.add(new CpuMetrics.Server("AWS/EC2", "InstanceId", "i-" + i));
        }

        try (CloudWatchClient cloudWatch = CloudWatchClient.builder()
                .endpointOverride(URI.create(wireMock.baseUrl())).region(Region.EU_NORTH_1)
                .credentialsProvider(MotoEstate.TESTING).build()) {
            CpuMetrics.calls(cloudWatch, servers, 14, Instant.now()).forEach(call -> call.get().forEach(page -> { }));
        }

        List<String> bodies = wireMock.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString()).toList();
        assertThat(bodies).hasSize(3);
        assertThat(bodies).filteredOn(body -> body.contains("MetricDataQueries.member.500.Id")).hasSize(2);
        assertThat(bodies).noneMatch(body -> body.contains("MetricDataQueries.member.501."));
        assertThat(bodies).anyMatch(body -> body.contains("MetricDataQueries.member.1.Label=i-1000")
                && !body.contains("MetricDataQueries.member.2."));
    }

    @Test
    void miningFindingsComeAsTheTreeTheCliPrintsForGetFindings() throws IOException {
        List<String> firstPage = new ArrayList<>();
        List<String> secondPage = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            firstPage.add("\"f" + i + "\"");
            secondPage.add("\"g" + i + "\"");
        }
        wireMock.stubFor(post("/detector/d1/findings").withRequestBody(notContaining("nextToken"))
                .willReturn(json("{\"findingIds\": [" + String.join(",", firstPage) + "], \"nextToken\": \"n2\"}")));
        wireMock.stubFor(post("/detector/d1/findings").withRequestBody(containing("\"nextToken\":\"n2\""))
                .willReturn(json("{\"findingIds\": [" + String.join(",", secondPage) + "]}")));
        wireMock.stubFor(post("/detector/d1/findings/get").willReturn(json("""
                {"findings": [{"accountId": "123456789012", "arn": "arn:aws:guardduty:eu-north-1:123456789012:detector/d1/finding/f0",
                  "createdAt": "2025-05-01T10:00:00.000Z", "id": "f0", "partition": "aws", "region": "eu-north-1",
                  "resource": {"instanceDetails": {"instanceId": "i-1"}, "resourceType": "Instance"},
                  "schemaVersion": "2.0", "service": {"archived": false, "count": 1800,
                  "eventFirstSeen": "2025-05-01T10:00:00.000Z", "eventLastSeen": "2026-11-22T10:00:00.000Z",
                  "serviceName": "guardduty"}, "severity": 8, "title": "Bitcoin-related traffic",
                  "type": "CryptoCurrency:EC2/BitcoinTool.B", "updatedAt": "2026-11-22T10:00:00.000Z"}]}""")));
        List<String> trees = new ArrayList<>();

        try (GuardDutyClient guardDuty = GuardDutyClient.builder().endpointOverride(URI.create(wireMock.baseUrl()))
                .region(Region.EU_NORTH_1).credentialsProvider(MotoEstate.TESTING).build()) {
            List<String> ids = CryptominingFindings.ids(guardDuty, "d1");
            assertThat(ids).hasSize(120);
            CryptominingFindings.calls(guardDuty, "d1", ids)
                    .forEach(call -> call.get().forEach(page -> trees.add(SdkTrees.tree(page).toString())));
        }

        assertThat(trees).hasSize(3);
        assertThat(trees.get(0)).startsWith("{\"Findings\":[{\"AccountId\":\"123456789012\"")
                .contains("\"Resource\":{\"InstanceDetails\":{\"InstanceId\":\"i-1\"}",
                        "\"Service\":{", "\"Archived\":false", "\"Count\":1800",
                        "\"Type\":\"CryptoCurrency:EC2/BitcoinTool.B\"");
        List<String> gets = wireMock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/get"))
                .map(e -> e.getRequest().getBodyAsString()).toList();
        assertThat(gets).extracting(body -> JSON.readTree(body).get("findingIds").size()).containsExactlyInAnyOrder(50, 50, 20);
        String criteria = wireMock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/findings"))
                .findFirst().orElseThrow().getRequest().getBodyAsString();
        assertThat(criteria).contains(CryptominingFindings.TYPES.stream().map(type -> "\"" + type + "\"").toList()
                .toArray(String[]::new));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static List<CoverageGap> gaps(Inventory inventory, String operation) {
        return inventory.gaps().stream().filter(g -> g.what().equals(operation)).toList();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static String error(String code) {
        return "<Response><Errors><Error><Code>" + code + "</Code><Message>" + code + " from the test</Message>"
                + "</Error></Errors><RequestID>1</RequestID></Response>";
    }

    /** One page of DescribeInstances, one reservation per instance, running in eu-north-1a or us-east-1a. */
    static String instances(String nextToken, String... ids) {
        StringBuilder xml = new StringBuilder("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>1</requestId><reservationSet>");
        for (String id : ids) {
            String zone = id.endsWith("us") ? "us-east-1a" : "eu-north-1a";
            xml.append("<item><reservationId>r-").append(id).append("</reservationId><ownerId>").append(ACCOUNT)
                    .append("</ownerId><instancesSet><item><instanceId>").append(id)
                    .append("</instanceId><instanceType>m5.large</instanceType><instanceState><code>16</code>")
                    .append("<name>running</name></instanceState><placement><availabilityZone>").append(zone)
                    .append("</availabilityZone></placement></item></instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (nextToken != null) {
            xml.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return xml.append("</DescribeInstancesResponse>").toString();
    }
}
