package io.github.cloudaudit.source;

import io.github.cloudaudit.model.IngressRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which inbound rules reach a server through one network interface. Traffic passes the subnet's filter and then the
 * interface's, so a port is open only where both let it in. No filter lets everything in. A filter the inventory
 * does not hold is unknown: then the other filter alone is the most that can be open, and when the other is no
 * filter at all nothing can be said.
 */
final class InterfaceIngress {

    /** What no filter lets in: every port, from anywhere. */
    static final List<IngressRule> UNFILTERED = List.of(new IngressRule("*", null, null, "*", null));

    private static final Set<String> ANY_PROTOCOL = Set.of("*", "-1", "all");
    /** Sources that hold every address; "Internet" does not (it leaves out the virtual network). */
    private static final Set<String> ANY_SOURCE = Set.of("*", "any", "0.0.0.0/0");
    private static final int LAST_PORT = 65535;

    private InterfaceIngress() {
    }

    /**
     * @param internetFacing whether the internet can reach the interface at all; false drops internet-wide rules
     * @param atSubnet       what the subnet's filter lets in, {@link #UNFILTERED} without one, null when unknown
     * @param atInterface    what the interface's filter lets in, {@link #UNFILTERED} without one, null when unknown
     */
    static List<IngressRule> reaching(Boolean internetFacing, List<IngressRule> atSubnet, List<IngressRule> atInterface) {
        List<IngressRule> rules;
        if (atSubnet != null && atInterface != null) {
            rules = intersect(atSubnet, atInterface);
        } else {
            List<IngressRule> known = atSubnet != null ? atSubnet : atInterface;
            rules = known == null || known == UNFILTERED ? List.of() : known;
        }
        return Boolean.FALSE.equals(internetFacing)
                ? rules.stream().filter(rule -> !rule.fromInternet()).toList() : rules;
    }

    /** The traffic both lists let in, rule by rule. */
    static List<IngressRule> intersect(List<IngressRule> first, List<IngressRule> second) {
        List<IngressRule> both = new ArrayList<>();
        for (IngressRule a : first) {
            for (IngressRule b : second) {
                intersection(a, b).ifPresent(both::add);
            }
        }
        return both;
    }

    private static Optional<IngressRule> intersection(IngressRule a, IngressRule b) {
        String protocol = narrower(a.protocol(), b.protocol(), ANY_PROTOCOL);
        String source = narrower(a.source(), b.source(), ANY_SOURCE);
        int from = Math.max(low(a), low(b));
        int to = Math.min(high(a), high(b));
        if (protocol == null || source == null || from > to) {
            return Optional.empty();
        }
        boolean allPorts = from == 0 && to == LAST_PORT;
        return Optional.of(new IngressRule(protocol, allPorts ? null : from, allPorts ? null : to, source,
                via(a.via(), b.via())));
    }

    /** The narrower of two values where some values mean "any"; null when they differ and neither is "any". */
    private static String narrower(String a, String b, Set<String> any) {
        if (a == null || any.contains(a.toLowerCase(Locale.ROOT))) {
            return b == null ? a : b;
        }
        if (b == null || any.contains(b.toLowerCase(Locale.ROOT)) || a.equalsIgnoreCase(b)) {
            return a;
        }
        return null;
    }

    private static int low(IngressRule rule) {
        return rule.fromPort() == null || rule.fromPort() < 0 ? 0 : rule.fromPort();
    }

    private static int high(IngressRule rule) {
        return rule.toPort() == null || rule.toPort() < 0 ? LAST_PORT : rule.toPort();
    }

    private static String via(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return a == null ? b : a;
        }
        return a + " and " + b;
    }
}
