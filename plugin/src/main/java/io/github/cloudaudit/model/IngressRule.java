package io.github.cloudaudit.model;

/**
 * One inbound permission reaching a server.
 *
 * @param protocol tcp, udp or {@code -1}/{@code *} for all
 * @param fromPort first port, null for all ports
 * @param toPort   last port, null for all ports
 * @param source   CIDR block (0.0.0.0/0, ::/0, 10.0.0.0/16), service tag or security group id
 * @param via      the security group or network security group the rule belongs to
 */
public record IngressRule(String protocol, Integer fromPort, Integer toPort, String source, String via) {

    /** True when the rule lets in the given TCP port. */
    public boolean allowsTcpPort(int port) {
        boolean protocolMatches = protocol == null || protocol.equals("-1") || protocol.equals("*")
                || protocol.equalsIgnoreCase("tcp") || protocol.equals("6");
        boolean allPorts = fromPort == null || toPort == null || (fromPort == -1 && toPort == -1);
        return protocolMatches && (allPorts || (fromPort <= port && port <= toPort));
    }

    /** True when the source is the whole internet. */
    public boolean fromInternet() {
        return "0.0.0.0/0".equals(source) || "::/0".equals(source) || "*".equals(source)
                || "Internet".equalsIgnoreCase(source) || "Any".equalsIgnoreCase(source);
    }
}
