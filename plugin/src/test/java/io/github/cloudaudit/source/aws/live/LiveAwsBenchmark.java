package io.github.cloudaudit.source.aws.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventorySource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Reads 16 regions holding 10,000 instances from WireMock, every answer 100 ms late, and prints the wall time and
 * calls made beside their floors: the pages plus the other listings of each region, and the time the busiest
 * worker needs when its calls run one after another. Not a test; run it as docs/benchmarks.md says.
 * Arguments: instances (default 10000), regions (default 16), page size (default 100).
 */
public final class LiveAwsBenchmark {

    private static final int LATENCY_MILLIS = 100;
    private static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1",
            "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2");

    private LiveAwsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int regions = args.length > 1 ? Integer.parseInt(args[1]) : REGIONS.size();
        int pageSize = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        WireMockServer wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).jettyAcceptors(2));
        wireMock.start();
        try {
            int pagesPerRegion = stub(wireMock, REGIONS.subList(0, regions), instances / regions, pageSize);
            wireMock.setGlobalFixedDelay(LATENCY_MILLIS);
            int otherListings = 9; // security groups, volumes, flow logs, RDS, alarms, detectors, SSM x2, trails
            int perRegion = pagesPerRegion + otherListings;
            boolean warm = true;
            System.out.printf(Locale.ROOT, "%d instances in %d regions, %d per page, %d ms per call%n", instances,
                    regions, pageSize, LATENCY_MILLIS);
            System.out.printf(Locale.ROOT, "%-12s %8s %8s %12s %10s %16s%n", "concurrency", "wall s", "calls",
                    "calls floor", "servers", "wall floor s");
            // The first round loads and warms the SDK and is not counted.
            for (int concurrency : new int[] {regions, AwsSettings.DEFAULT_CONCURRENCY, regions}) {
                AwsSettings settings = AwsSettings.of(null, REGIONS.subList(0, regions), List.of(), null,
                        URI.create(wireMock.baseUrl())).withMaxConcurrency(concurrency);
                LiveAwsSource source = new LiveAwsSource(settings, MotoEstate.TESTING);
                InventoryBuilder builder = new InventoryBuilder();
                long start = System.nanoTime();
                source.collect(builder, new InventorySource.Log(line -> { }, System.err::println));
                double seconds = (System.nanoTime() - start) / 1e9;
                Inventory inventory = builder.build();
                if (warm) {
                    warm = false;
                    continue;
                }
                long floorCalls = 1L + (long) regions * perRegion; // GetCallerIdentity, then every page once
                int waves = (regions + concurrency - 1) / concurrency;
                double floorSeconds = (1 + (double) waves * perRegion) * LATENCY_MILLIS / 1000.0;
                System.out.printf(Locale.ROOT, "%-12d %8.1f %8d %12d %10d %16.1f%n", concurrency, seconds,
                        source.calls().total(), floorCalls, inventory.servers().size(), floorSeconds);
                if (!inventory.gaps().isEmpty()) {
                    System.out.println("gaps: " + inventory.gaps());
                }
            }
        } finally {
            wireMock.stop();
        }
    }

    /** Every region's listings; DescribeInstances in pages. Returns the pages per region. */
    private static int stub(WireMockServer wireMock, List<String> regions, int perRegion, int pageSize) {
        wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity")).willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/audit</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>
                </GetCallerIdentityResult></GetCallerIdentityResponse>""")));
        for (String action : List.of("DescribeSecurityGroups", "DescribeVolumes", "DescribeFlowLogs")) {
            wireMock.stubFor(post("/").withRequestBody(containing("Action=" + action)).willReturn(xml(
                    "<" + action + "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>1</requestId></"
                            + action + "Response>")));
        }
        wireMock.stubFor(post("/").withRequestBody(containing("Action=DescribeDBInstances")).willReturn(xml("""
                <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult>
                <DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>""")));
        wireMock.stubFor(post("/").withRequestBody(containing("Action=DescribeAlarms")).willReturn(xml("""
                <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult>
                <MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>""")));
        wireMock.stubFor(get(urlPathEqualTo("/detector")).willReturn(json("{\"detectorIds\": []}")));
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.DescribeInstanceInformation"))
                .willReturn(json("{\"InstanceInformationList\": []}")));
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetInventory"))
                .willReturn(json("{\"Entities\": []}")));
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", containing("DescribeTrails"))
                .willReturn(json("{\"trailList\": []}")));
        int pages = (perRegion + pageSize - 1) / pageSize;
        for (String region : regions) {
            for (int page = 0; page < pages; page++) {
                var request = post("/").withRequestBody(containing("Action=DescribeInstances"))
                        .withHeader("Authorization", containing("/" + region + "/ec2/"))
                        .withRequestBody(page == 0 ? notContaining("NextToken") : containing("NextToken=p" + page));
                int from = page * pageSize;
                wireMock.stubFor(request.willReturn(xml(instances(region, from, Math.min(from + pageSize, perRegion),
                        page + 1 < pages ? "p" + (page + 1) : null))));
            }
        }
        return pages;
    }

    private static String instances(String region, int from, int to, String nextToken) {
        StringBuilder xml = new StringBuilder("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>1</requestId><reservationSet>");
        for (int i = from; i < to; i++) {
            xml.append("<item><reservationId>r-").append(i).append("</reservationId><ownerId>123456789012</ownerId>")
                    .append("<instancesSet><item><instanceId>i-").append(region).append('-').append(i)
                    .append("</instanceId><instanceType>m5.large</instanceType><instanceState><code>16</code>")
                    .append("<name>running</name></instanceState><placement><availabilityZone>").append(region)
                    .append("a</availabilityZone></placement></item></instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (nextToken != null) {
            xml.append("<nextToken>").append(nextToken).append("</nextToken>");
        }
        return xml.append("</DescribeInstancesResponse>").toString();
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }
}
