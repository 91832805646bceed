package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Turns the {@code configuration} of an AWS Config item into the JSON tree the AWS CLI prints for the same resource.
 * Config writes the service's members in camelCase ({@code instanceId}, {@code launchTime},
 * {@code dBInstanceIdentifier}); the CLI in the model's own case ({@code InstanceId}, {@code DBInstanceIdentifier}).
 * This is the one place that knows the difference, so the readers' per-item mapping reads Config items unchanged.
 */
final class ConfigItems {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Config keeps EC2's legacy {@code ipRanges} (bare CIDR strings) beside {@code ipv4Ranges} (objects with
     * {@code cidrIp}); the CLI's {@code IpRanges} are those objects.
     */
    private static final Map<String, String> RENAMED = Map.of("ipv4Ranges", "IpRanges");
    private static final String LEGACY_IP_RANGES = "ipRanges";

    private ConfigItems() {
    }

    /** The CLI's tree of one resource's configuration. */
    static ObjectNode cliTree(JsonNode configuration) {
        if (!configuration.isObject()) {
            throw new IllegalArgumentException("an AWS Config configuration is a JSON object, found "
                    + configuration.getNodeType());
        }
        return (ObjectNode) convert(configuration);
    }

    /** Config's {@code tags} column ({@code key}, {@code value} and a combined {@code tag}) as the CLI's Key and Value. */
    static ArrayNode cliTags(JsonNode tags) {
        ArrayNode cli = NODES.arrayNode(tags.size());
        for (JsonNode tag : tags) {
            cli.addObject().put("Key", tag.path("key").asText(null)).put("Value", tag.path("value").asText(null));
        }
        return cli;
    }

    private static JsonNode convert(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.equals(LEGACY_IP_RANGES) && node.has("ipv4Ranges")) {
                    continue;
                }
                object.set(RENAMED.getOrDefault(name, capitalized(name)), convert(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode(node.size());
            node.forEach(element -> array.add(convert(element)));
            return array;
        }
        return node;
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
