package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a CLI list element that a reader reads, so that the rest is streamed past instead of built into a
 * tree: an EC2 instance prints about 7.5 KB, of which the audit reads a tenth. Skipped values are still parsed
 * token by token, so a syntax error or a key given twice anywhere is still reported at its exact line and column;
 * only their values are not kept. Fields are given as dotted paths; a path steps through lists into their
 * elements, and a field named by a whole path is kept whole.
 */
final class UsedFields {

    /** Every field: the whole element is kept. */
    static final UsedFields ALL = new UsedFields(null);

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The fields kept under each name; null when everything is kept. */
    private final Map<String, UsedFields> children;

    private UsedFields(Map<String, UsedFields> children) {
        this.children = children;
    }

    /** The fields named by these paths, such as {@code Instances.State.Name}. */
    static UsedFields paths(String... paths) {
        UsedFields root = new UsedFields(new HashMap<>());
        for (String path : paths) {
            UsedFields at = root;
            String[] names = path.split("\\.");
            for (int i = 0; i < names.length - 1 && at != ALL; i++) {
                at = at.children.computeIfAbsent(names[i], name -> new UsedFields(new HashMap<>()));
            }
            if (at != ALL) {
                at.children.put(names[names.length - 1], ALL);
            }
        }
        return root;
    }

    /** The value the parser is at, with only these fields of its objects; the parser ends on its last token. */
    JsonNode read(JsonParser parser) throws IOException {
        if (children == null || parser.currentToken().isScalarValue()) {
            return tree(parser);
        }
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            ArrayNode list = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(parser));
            }
            return list;
        }
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            UsedFields used = children.get(parser.currentName());
            String name = parser.currentName();
            parser.nextToken();
            if (used == null) {
                parser.skipChildren();
            } else {
                object.set(name, used.read(parser));
            }
        }
        return object;
    }

    /**
     * The whole value the parser is at, as the tree {@code ObjectMapper.readTree} builds, but without setting up a
     * deserialization for each of the million values a large listing keeps.
     */
    private static JsonNode tree(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, tree(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode list = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(tree(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                // Only JSON and YAML text reach here, which have no other tokens; the mapper knows what else there is.
                return TREES.readTree(parser);
            }
        }
    }
}
