package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.PlausibleDates;
import io.github.cloudaudit.source.ReadContext;
import io.github.cloudaudit.text.SafeText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Azure resource as a CLI list prints it or as a Resource Graph row holds it. The CLI flattens a resource's
 * {@code properties} into the item itself; ARM and Resource Graph keep them under {@code properties}. Mappings read
 * properties through {@link #property} and work for both.
 */
final class AzureResource {

    private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/]+)");
    private static final Pattern RESOURCE_TYPE = Pattern.compile("(?i)/providers/([^/]+/[^/]+)/[^/]+");

    private static final int MESSAGE_QUOTE = 80;

    private final JsonNode item;
    private final JsonNode properties;
    private final Origin origin;
    private final String folderAccount;
    private final InventoryBuilder builder;

    /** An item of a file, which starts at {@code at}. */
    AzureResource(JsonNode item, JsonLocation at, ReadContext context) {
        this(item, context.origin(at), context.folderAccount(), context.builder());
    }

    /**
     * @param origin        where the item was read: a place in a file, or the API call that answered it
     * @param folderAccount the subscription the file's folders name, null when none
     */
    AzureResource(JsonNode item, Origin origin, String folderAccount, InventoryBuilder builder) {
        this.item = item;
        this.properties = item.path("properties").isObject() ? item.get("properties") : item;
        this.origin = origin;
        this.folderAccount = folderAccount;
        this.builder = builder;
    }

    InventoryBuilder builder() {
        return builder;
    }

    Origin origin() {
        return origin;
    }

    /** The full resource id; every resource must have one. */
    String id() {
        String id = text(item.get("id"));
        if (id == null || id.isBlank()) {
            throw fail("expected each Azure resource to have an 'id' (its full resource id)");
        }
        return id;
    }

    /** The resource type as printed (case varies: the CLI prints {@code Microsoft.Compute/...}, Resource Graph lower case). */
    String type() {
        return text(item.get("type"));
    }

    String name() {
        String name = text(item.get("name"));
        if (name != null) {
            return name;
        }
        String id = id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    String location() {
        return text(item.get("location"));
    }

    /** The subscription from the resource id, else from a Resource Graph row, else from a folder above the file. */
    String subscription() {
        String fromId = subscriptionOf(id());
        if (fromId != null) {
            return fromId;
        }
        String fromRow = text(item.get("subscriptionId"));
        return fromRow != null ? fromRow : folderAccount;
    }

    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode node = item.get("tags");
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().isNull() ? "" : tag.getValue().asText()));
        }
        return tags;
    }

    /**
     * A field outside the properties, following the path from the item: ARM keeps {@code sku}, {@code systemData}
     * and a VM's {@code resources} (extensions) there, and the CLI leaves them there when it flattens.
     */
    JsonNode field(String... path) {
        return walk(item, path);
    }

    /** A property, following the path from the resource's properties; null when any step is missing or null. */
    JsonNode property(String... path) {
        return walk(properties, path);
    }

    String text(String... path) {
        return text(property(path));
    }

    /** The date part of an ISO-8601 date-time property, in UTC; null when absent. */
    LocalDate date(String... path) {
        return date(property(path), path);
    }

    /** The date part of an ISO-8601 date-time field outside the properties, such as {@code systemData.createdAt}. */
    LocalDate fieldDate(String... path) {
        return date(field(path), path);
    }

    private LocalDate date(JsonNode node, String... path) {
        String field = "'" + String.join(".", path) + "'";
        if (node != null && !node.isTextual()) {
            throw fail(PlausibleDates.notText(field, node.isNumber() ? "the number " + node : "" + node));
        }
        String value = text(node);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return builder.dates().parse(field, value);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** The property as a boolean; fails when it is present but not true or false. */
    Boolean bool(String... path) {
        JsonNode node = property(path);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw fail("expected '" + String.join(".", path) + "' to be true or false, found " + node);
        }
        return node.booleanValue();
    }

    /** The elements of a list property (sub-resources such as a network's subnets); empty when absent. */
    List<JsonNode> objects(String... path) {
        JsonNode list = property(path);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw fail("expected '" + String.join(".", path) + "' to be a list, found " + brief(list));
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw fail("expected each element of '" + String.join(".", path) + "' to be an object, found "
                        + brief(item));
            }
            items.add(item);
        }
        return items;
    }

    /**
     * The id a reference to another resource holds ({@code {"id": "/subscriptions/..."}}); null when there is none.
     *
     * @param where the reference's path, for the message when it is not one
     */
    String reference(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        String id = node.isObject() ? text(node.get("id")) : null;
        if (id == null || id.isBlank()) {
            throw fail("expected '" + where + "' to be a reference such as {\"id\": \"/subscriptions/...\"}, found "
                    + brief(node));
        }
        return id;
    }

    /** The virtual network a subnet id belongs to: the id up to {@code /subnets/}; fails for other ids. */
    String networkOfSubnet(String subnetId, String where) {
        int cut = subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/");
        if (cut <= 0) {
            throw fail("expected '" + where + "' to be a subnet id (.../virtualNetworks/<network>/subnets/<subnet>),"
                    + " found '" + brief(subnetId) + "'");
        }
        return subnetId.substring(0, cut);
    }

    /** An error about this resource, at the line where it starts. */
    InventoryFormatException fail(String expected) {
        return InventoryFormatException.at(origin, expected);
    }

    private static JsonNode walk(JsonNode node, String... path) {
        for (String step : path) {
            node = node.get(step);
            if (node == null || node.isNull()) {
                return null;
            }
        }
        return node;
    }

    /**
     * A sub-resource's properties (a subnet's, a security rule's, an IP configuration's): nested under
     * {@code properties} in ARM and Resource Graph, flattened into the item by the CLI.
     */
    static JsonNode propertiesOf(JsonNode subResource) {
        JsonNode nested = subResource.get("properties");
        return nested != null && nested.isObject() ? nested : subResource;
    }

    /**
     * A field of a sub-resource in whichever letter case it comes: ARM spells {@code publicIPAddress}, while the CLI
     * prints the SDK's attribute names ({@code publicIpAddress}).
     */
    static JsonNode anyCase(JsonNode node, String field) {
        JsonNode exact = node.get(field);
        if (exact != null) {
            return exact;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase(field)) {
                return node.get(name);
            }
        }
        return null;
    }

    /** A value quoted in a message, cut short: inventory files can hold anything. */
    static String brief(Object value) {
        return SafeText.cap(String.valueOf(value), MESSAGE_QUOTE);
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** The subscription a resource id (or a subscription or resource group scope) belongs to; null when it names none. */
    static String subscriptionOf(String resourceId) {
        Matcher matcher = SUBSCRIPTION.matcher(resourceId);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The type of the resource an id names, e.g. {@code microsoft.compute/virtualmachines}; null for scopes above resources. */
    static String typeOf(String resourceId) {
        Matcher matcher = RESOURCE_TYPE.matcher(resourceId);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
