package io.github.cloudaudit.source.aws.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** What moto cannot show: throttling, server errors, timeouts, a region that denies access, many pages. */
class LiveAwsSourceWireMockTest {

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
