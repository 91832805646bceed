package io.github.cloudaudit.source.aws.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns an SDK v2 response into the JSON tree the AWS CLI prints for the same call. Both use the service model's
 * member names ({@link SdkField#memberName()}), so the readers' per-item mapping reads SDK answers unchanged.
 * Members the service did not send stay absent, as the CLI leaves them out.
 */
public final class SdkTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkTrees() {
    }

    public static ObjectNode tree(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            JsonNode value = value(field.getValueOrDefault(pojo));
            if (value != null) {
                node.set(field.memberName(), value);
            }
        }
        return node;
    }

    private static JsonNode value(Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return tree(pojo);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(element -> array.add(element == null ? NODES.nullNode() : value(element)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), element == null ? NODES.nullNode() : value(element)));
            return object;
        }
        return scalar(value);
    }

    private static JsonNode scalar(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.longValue());
        }
        if (value instanceof Instant instant) {
            // ISO-8601 in UTC, as CLI v2 prints timestamps.
            return NODES.textNode(instant.toString());
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.binaryNode(bytes.asByteArray());
        }
        throw new IllegalArgumentException("no JSON form for an SDK value of type " + value.getClass().getName());
    }
}
