package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.CoverageGap;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.aws.AwsCliReader;
import io.github.cloudaudit.source.aws.Ec2InstancesReader;
import io.github.cloudaudit.source.aws.Ec2SecurityGroupsReader;
import io.github.cloudaudit.source.aws.Ec2VolumesReader;
import io.github.cloudaudit.source.aws.RdsDbInstancesReader;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.SelectAggregateResourceConfigResponse;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads instances, DB instances, security groups and volumes of every account and region an AWS Config aggregator
 * sees, with one paged query instead of calls to each account and region. Each item's configuration goes through
 * {@link ConfigItems} into the CLI's shape and then through the reader of the same CLI command.
 * <p>
 * Config records what its recorders are set to record, so its answer shows what exists but proves no absence: the
 * listings are never marked complete. Alarms, GuardDuty, SSM, CloudTrail, flow logs, images and CPU are not in it;
 * each account and region found gets a coverage gap saying so, so that their facts stay unknown, never fine.
 */
final class AggregatorReading {

    static final String OPERATION = "config:SelectAggregateResourceConfig";
    /** The most results SelectAggregateResourceConfig gives in one page. */
    static final int PAGE_SIZE = 100;
    static final String NOT_READ = "alarms, GuardDuty, SSM, CloudTrail, flow logs, images and CPU metrics";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Per resource type: the CLI command's reader, how its page wraps one item and where the CLI puts its tags. */
    private record Kind(Supplier<AwsCliReader> reader, String listKey, String tagKey) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "AWS::EC2::Instance", new Kind(Ec2InstancesReader::new, "Instances", "Tags"),
            "AWS::RDS::DBInstance", new Kind(RdsDbInstancesReader::new, "DBInstances", "TagList"),
            "AWS::EC2::SecurityGroup", new Kind(Ec2SecurityGroupsReader::new, "SecurityGroups", "Tags"),
            "AWS::EC2::Volume", new Kind(Ec2VolumesReader::new, "Volumes", "Tags"));

    static final String QUERY = "SELECT accountId, awsRegion, resourceType, configuration, tags WHERE resourceType IN ("
            + String.join(", ", KINDS.keySet().stream().sorted().map(type -> "'" + type + "'").toList()) + ")";

    /** One account, region and listing. */
    private record Place(String account, String region, String operation) implements Comparable<Place> {
        private static final Comparator<Place> ORDER = Comparator.comparing(Place::account)
                .thenComparing(Place::region).thenComparing(Place::operation);

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    private final String aggregator;
    private final Origin origin;
    /** Answers sorted by place, so that inventories are repeatable. */
    private final Map<Place, Answer> answers = new TreeMap<>();
    private int items;

    AggregatorReading(String aggregator) {
        this.aggregator = aggregator;
        this.origin = Origin.apiCall(null, null, OPERATION + " aggregator " + aggregator);
    }

    int items() {
        return items;
    }

    /** Reads every page; a failed call becomes a gap naming the aggregator, and what was read before it is kept. */
    void read(ConfigClient config, InventoryBuilder builder) throws IOException {
        try {
            for (SelectAggregateResourceConfigResponse page : config.selectAggregateResourceConfigPaginator(r -> r
                    .configurationAggregatorName(aggregator).expression(QUERY).limit(PAGE_SIZE))) {
                page.results().forEach(this::add);
            }
        } catch (SdkException e) {
            builder.gap(new CoverageGap(Provider.AWS, null, null, origin.operation(), ApiErrors.reason(e)));
        }
        // Answers are sorted by account and region, so these are too.
        Set<List<String>> accountRegions = new LinkedHashSet<>();
        for (Map.Entry<Place, Answer> answer : answers.entrySet()) {
            Place place = answer.getKey();
            answer.getValue().mapInto(builder, place.account(), place.region());
            accountRegions.add(List.of(place.account(), place.region()));
        }
        for (List<String> pair : accountRegions) {
            builder.gap(new CoverageGap(Provider.AWS, pair.get(0), pair.get(1), NOT_READ, "not read: the AWS Config "
                    + "aggregator " + aggregator + " gives only instances, DB instances, security groups and volumes"));
        }
    }

    private void add(String result) {
        JsonNode item;
        try {
            item = JSON.readTree(result);
        } catch (JsonProcessingException e) {
            throw InventoryFormatException.at(origin, "result " + (items + 1) + " is not JSON: "
                    + e.getOriginalMessage());
        }
        String account = item.path("accountId").asText(null);
        String region = item.path("awsRegion").asText(null);
        Kind kind = KINDS.get(item.path("resourceType").asText());
        if (account == null || region == null || kind == null || !item.path("configuration").isObject()) {
            throw InventoryFormatException.at(origin, "expected result " + (items + 1) + " to have accountId, "
                    + "awsRegion, a resourceType among " + KINDS.keySet().stream().sorted().toList()
                    + " and a configuration object");
        }
        // Servers name the query as their origin, with the resource type that was read.
        String operation = OPERATION + " " + item.get("resourceType").asText();
        answers.computeIfAbsent(new Place(account, region, operation),
                        place -> new Answer(kind.reader().get(), operation))
                .add(page(kind, account, resource(kind, item)));
        items++;
    }

    /** The resource as the CLI prints it; tags Config keeps beside the configuration (as for DB instances) join it. */
    private static ObjectNode resource(Kind kind, JsonNode item) {
        ObjectNode resource = ConfigItems.cliTree(item.get("configuration"));
        if (!resource.has(kind.tagKey()) && item.path("tags").isArray()) {
            resource.set(kind.tagKey(), ConfigItems.cliTags(item.get("tags")));
        }
        return resource;
    }

    /** One page as the CLI prints it; an instance sits in a reservation of its account, as DescribeInstances has it. */
    private static ObjectNode page(Kind kind, String account, ObjectNode resource) {
        ObjectNode page = NODES.objectNode();
        if (kind.listKey().equals("Instances")) {
            ObjectNode reservation = NODES.objectNode().put("OwnerId", account);
            reservation.putArray("Instances").add(resource);
            page.putArray("Reservations").add(reservation);
        } else {
            page.putArray(kind.listKey()).add(resource);
        }
        return page;
    }
}
