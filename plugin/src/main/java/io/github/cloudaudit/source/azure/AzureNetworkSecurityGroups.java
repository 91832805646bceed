package io.github.cloudaudit.source.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps network security groups (Microsoft.Network/networkSecurityGroups) to what they let in, and records the subnets
 * they are attached to. Rules are evaluated as Azure does: by priority, the first matching rule decides. So an allow
 * rule lets in only the ports that no rule of higher priority denies for its source; the default rules (allow from
 * the virtual network and the load balancer, deny the rest) take part like any other. A deny takes ports away only
 * where it covers the allowed source (any source, or the same one) and protocol: it is never assumed to block more.
 * One more case is common enough to tell apart: any source allowed after the internet is denied still lets in the
 * virtual network.
 * Destination prefixes are not narrowed down: a rule counts for every interface behind the group.
 */
final class AzureNetworkSecurityGroups {

    private static final Pattern PORTS = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final Set<String> ANY_SOURCE = Set.of("*", "any", "0.0.0.0/0");
    private static final String INTERNET = "Internet";
    private static final String VIRTUAL_NETWORK = "VirtualNetwork";
    private static final int LAST_PORT = 65535;

    private record Range(int from, int to) {
    }

    private record SecurityRule(String protocol, List<String> sources, List<Range> ports, boolean allow, int priority) {

        boolean blocks(String protocol, String source) {
            boolean protocolCovered = this.protocol.equals("*") || this.protocol.equalsIgnoreCase(protocol);
            return !allow && protocolCovered && sources.stream()
                    .anyMatch(denied -> ANY_SOURCE.contains(denied.toLowerCase(Locale.ROOT)) || denied.equalsIgnoreCase(source));
        }
    }

    private AzureNetworkSecurityGroups() {
    }

    static void map(AzureResource group) {
        String id = group.id();
        List<SecurityRule> inbound = new ArrayList<>();
        inbound(group, "securityRules", inbound);
        inbound(group, "defaultSecurityRules", inbound);
        inbound.sort(Comparator.comparingInt(SecurityRule::priority));
        List<IngressRule> allowed = new ArrayList<>();
        for (int i = 0; i < inbound.size(); i++) {
            SecurityRule rule = inbound.get(i);
            if (!rule.allow()) {
                continue;
            }
            List<SecurityRule> before = inbound.subList(0, i);
            for (String source : rule.sources()) {
                for (Range range : rule.ports()) {
                    List<Range> open = unblocked(List.of(range), before, rule.protocol(), source);
                    if (ANY_SOURCE.contains(source.toLowerCase(Locale.ROOT))) {
                        // Where only the internet is denied, the rest of "any" still comes in: the virtual network.
                        List<Range> fromInternet = unblocked(open, before, rule.protocol(), INTERNET);
                        open.stream().flatMap(piece -> without(piece, fromInternet).stream()).forEach(piece ->
                                allowed.add(ingress(rule.protocol(), piece, VIRTUAL_NETWORK, group.name())));
                        open = fromInternet;
                    }
                    open.forEach(piece -> allowed.add(ingress(rule.protocol(), piece, source, group.name())));
                }
            }
        }
        group.builder().securityGroup(Provider.AZURE, id, allowed);
        List<JsonNode> subnets = group.objects("subnets");
        for (int i = 0; i < subnets.size(); i++) {
            group.builder().subnetSecurityGroup(Provider.AZURE, group.reference(subnets.get(i), "subnets[" + i + "]"), id);
        }
    }

    /** The part of the port ranges that no earlier deny rule takes away for this protocol and source. */
    private static List<Range> unblocked(List<Range> ranges, List<SecurityRule> before, String protocol, String source) {
        List<Range> open = ranges;
        for (SecurityRule earlier : before) {
            if (earlier.blocks(protocol, source)) {
                for (Range denied : earlier.ports()) {
                    open = open.stream().flatMap(piece -> minus(piece, denied).stream()).toList();
                }
            }
        }
        return open;
    }

    /** The parts of a range outside all of the given ranges. */
    private static List<Range> without(Range range, List<Range> taken) {
        List<Range> rest = List.of(range);
        for (Range other : taken) {
            rest = rest.stream().flatMap(piece -> minus(piece, other).stream()).toList();
        }
        return rest;
    }

    private static IngressRule ingress(String protocol, Range ports, String source, String group) {
        boolean all = ports.from() == 0 && ports.to() == LAST_PORT;
        return new IngressRule(protocol, all ? null : ports.from(), all ? null : ports.to(), source, group);
    }

    private static List<Range> minus(Range piece, Range denied) {
        if (denied.to() < piece.from() || denied.from() > piece.to()) {
            return List.of(piece);
        }
        List<Range> rest = new ArrayList<>(2);
        if (piece.from() < denied.from()) {
            rest.add(new Range(piece.from(), denied.from() - 1));
        }
        if (denied.to() < piece.to()) {
            rest.add(new Range(denied.to() + 1, piece.to()));
        }
        return rest;
    }

    private static void inbound(AzureResource group, String list, List<SecurityRule> into) {
        List<JsonNode> rules = group.objects(list);
        for (int i = 0; i < rules.size(); i++) {
            String where = list + "[" + i + "]";
            JsonNode rule = AzureResource.propertiesOf(rules.get(i));
            String direction = required(group, rule, "direction", where);
            String access = required(group, rule, "access", where);
            if (!direction.equalsIgnoreCase("Inbound")) {
                continue;
            }
            JsonNode priority = rule.get("priority");
            if (priority == null || !priority.canConvertToInt()) {
                throw group.fail("expected '" + where + ".priority' to be a number, found "
                        + AzureResource.brief(priority));
            }
            into.add(new SecurityRule(required(group, rule, "protocol", where), sources(group, rule, where),
                    ports(group, rule, where), access.equalsIgnoreCase("Allow"), priority.intValue()));
        }
    }

    /** Address prefixes and service tags ("Internet", "VirtualNetwork"), or the application security groups named. */
    private static List<String> sources(AzureResource group, JsonNode rule, String where) {
        List<String> sources = values(rule, "sourceAddressPrefix", "sourceAddressPrefixes");
        rule.path("sourceApplicationSecurityGroups").forEach(each ->
                sources.add(group.reference(each, where + ".sourceApplicationSecurityGroups")));
        if (sources.isEmpty()) {
            throw group.fail("expected '" + where + "' to name its sources (sourceAddressPrefix, "
                    + "sourceAddressPrefixes or sourceApplicationSecurityGroups)");
        }
        return sources;
    }

    /** "*", "1433", "1000-2000", from destinationPortRange and destinationPortRanges. */
    private static List<Range> ports(AzureResource group, JsonNode rule, String where) {
        List<String> texts = values(rule, "destinationPortRange", "destinationPortRanges");
        if (texts.isEmpty()) {
            throw group.fail("expected '" + where + "' to have a 'destinationPortRange' or 'destinationPortRanges'");
        }
        List<Range> ranges = new ArrayList<>();
        for (String text : texts) {
            ranges.add(range(group, text.trim(), where));
        }
        return ranges;
    }

    /** What a rule holds in a field and in its plural twin: ARM fills one or the other. */
    private static List<String> values(JsonNode rule, String single, String plural) {
        List<String> values = new ArrayList<>();
        String one = AzureResource.text(rule.get(single));
        if (one != null && !one.isBlank()) {
            values.add(one);
        }
        rule.path(plural).forEach(each -> values.add(each.asText()));
        return values;
    }

    private static Range range(AzureResource group, String text, String where) {
        if (text.equals("*")) {
            return new Range(0, LAST_PORT);
        }
        Matcher matcher = PORTS.matcher(text);
        if (matcher.matches()) {
            int from = Integer.parseInt(matcher.group(1));
            int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
            if (from <= to && to <= LAST_PORT) {
                return new Range(from, to);
            }
        }
        throw group.fail("expected the destination ports of '" + where + "' to be *, a port such as 1433 or a range "
                + "such as 1000-2000, found '" + AzureResource.brief(text) + "'");
    }

    private static String required(AzureResource group, JsonNode rule, String field, String where) {
        String value = AzureResource.text(rule.get(field));
        if (value == null || value.isBlank()) {
            throw group.fail("expected '" + where + "' to have a '" + field + "'");
        }
        return value;
    }
}
