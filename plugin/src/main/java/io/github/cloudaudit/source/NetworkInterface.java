package io.github.cloudaudit.source;

import java.util.List;

/**
 * A network interface of a server, where its traffic enters: the subnets it sits in and the filter in front of it.
 * Inbound traffic passes the filter of the subnet and then the interface's own (Azure's network security groups).
 *
 * @param id              the interface's id
 * @param serverId        the server it is attached to, as the interface names it; null when it does not
 * @param securityGroupId the filter on the interface itself; null when it has none
 * @param internetFacing  true when it holds a public address; false when it holds none and no load balancer forwards
 *                        to it; null when a load balancer forwards to it (the balancer may be public)
 * @param subnets         the subnets its addresses are in
 */
public record NetworkInterface(String id, String serverId, String securityGroupId, Boolean internetFacing,
                               List<Subnet> subnets) {

    /** A subnet and the network (VNet) it belongs to. */
    public record Subnet(String id, String networkId) {
    }

    public NetworkInterface {
        subnets = List.copyOf(subnets);
    }
}
