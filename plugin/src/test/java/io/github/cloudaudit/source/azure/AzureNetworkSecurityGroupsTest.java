package io.github.cloudaudit.source.azure;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.NetworkInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a network security group lets in: Azure's priority order, deny rules and default rules, to the port. */
class AzureNetworkSecurityGroupsTest {

    private static final String NSG = ArmRows.id("Microsoft.Network/networkSecurityGroups", "nsg-db");
    private static final String VM = ArmRows.id("Microsoft.Compute/virtualMachines", "vm1");
    private static final String VNET = ArmRows.id("Microsoft.Network/virtualNetworks", "vnet1");
    private static final String SUBNET = VNET + "/subnets/default";

    private final InventoryBuilder builder = new InventoryBuilder();

    @Test
    void anEarlierDenyCutsItsPortsOutOfALaterAllowToTheBoundary() {
        List<IngressRule> rules = letIn(nested(rule("Allow", 200, "Tcp", "Internet", "1000-2000"),
                rule("Deny", 100, "*", "*", "1433")));

        assertThat(rules).containsExactly(new IngressRule("Tcp", 1000, 1432, "Internet", "nsg-db"),
                new IngressRule("Tcp", 1434, 2000, "Internet", "nsg-db"));
    }

    @ParameterizedTest(name = "deny {0} {1} from {2} on {3} leaves 1433 open")
    @CsvSource({
            "300, *,   *,          1433",     // lower priority: the allow matches first
            "100, Udp, *,          1433",     // another protocol
            "100, *,   10.0.0.0/8, 1433",     // another source
            "100, *,   *,          1434",     // the next port
            "100, *,   *,          1432",     // the port before
    })
    void aDenyThatDoesNotMatchFirstLeavesTheAllowWhole(int priority, String protocol, String source, String ports) {
        List<IngressRule> rules = letIn(nested(rule("Allow", 200, "Tcp", "Internet", "1433"),
                rule("Deny", priority, protocol, source, ports)));

        assertThat(rules).containsExactly(new IngressRule("Tcp", 1433, 1433, "Internet", "nsg-db"));
    }

    @Test
    void anyAllowedAfterTheInternetIsDeniedLetsInOnlyTheVirtualNetworkThere() {
        List<IngressRule> rules = letIn(nested(rule("Allow", 200, "Tcp", "*", "1000-2000"),
                rule("Deny", 100, "Tcp", "Internet", "1433")));

        assertThat(rules).containsExactly(new IngressRule("Tcp", 1433, 1433, "VirtualNetwork", "nsg-db"),
                new IngressRule("Tcp", 1000, 1432, "*", "nsg-db"), new IngressRule("Tcp", 1434, 2000, "*", "nsg-db"));
    }

    @Test
    void aDenyOfTheSameSourceBlocksAndEveryPortRangeIsTakenApart() {
        List<IngressRule> rules = letIn(nested(rule("Allow", 200, "Tcp", "Internet", "*"),
                rule("Deny", 100, "Tcp", "Internet", "0-1023"), rule("Deny", 110, "Tcp", "Internet", "1024-65534")));

        assertThat(rules).containsExactly(new IngressRule("Tcp", 65535, 65535, "Internet", "nsg-db"));
    }

    @Test
    void everySourcePrefixAndPortListEntryIsARuleAndOutboundRulesLetNothingIn() {
        String several = """
                {"name": "partners", "properties": {"access": "Allow", "direction": "Inbound", "priority": 200,
                 "protocol": "Tcp", "sourceAddressPrefixes": ["198.51.100.0/24", "192.0.2.0/24"],
                 "destinationPortRanges": ["5432", "3306"]}}""";
        List<IngressRule> rules = letIn(nested(several, outbound()));

        assertThat(rules).containsExactly(new IngressRule("Tcp", 5432, 5432, "198.51.100.0/24", "nsg-db"),
                new IngressRule("Tcp", 3306, 3306, "198.51.100.0/24", "nsg-db"),
                new IngressRule("Tcp", 5432, 5432, "192.0.2.0/24", "nsg-db"),
                new IngressRule("Tcp", 3306, 3306, "192.0.2.0/24", "nsg-db"));
    }

    @Test
    void theDefaultRulesTakePartAndTheirFinalDenyHidesNothingAllowedBefore() {
        String group = """
                {"id": "%s", "name": "nsg-db", "type": "Microsoft.Network/networkSecurityGroups", "properties": {
                 "securityRules": [%s],
                 "defaultSecurityRules": [%s, %s, %s]}}""".formatted(NSG, rule("Allow", 100, "Tcp", "*", "1433"),
                rule("Allow", 65000, "*", "VirtualNetwork", "*"), rule("Allow", 65001, "*", "AzureLoadBalancer", "*"),
                rule("Deny", 65500, "*", "*", "*"));

        assertThat(letIn(group)).containsExactly(new IngressRule("Tcp", 1433, 1433, "*", "nsg-db"),
                new IngressRule("*", null, null, "VirtualNetwork", "nsg-db"),
                new IngressRule("*", null, null, "AzureLoadBalancer", "nsg-db"));
    }

    @Test
    void theCliFlattenedRulesMeanTheSameAsArmsNestedOnes() {
        String flattened = """
                {"id": "%s", "name": "nsg-db", "type": "Microsoft.Network/networkSecurityGroups", "resourceGroup": "rg",
                 "securityRules": [{"access": "Allow", "direction": "Inbound", "name": "sql", "priority": 200,
                  "protocol": "Tcp", "sourceAddressPrefix": "Internet", "destinationPortRange": "1433",
                  "sourceAddressPrefixes": [], "destinationPortRanges": []}],
                 "defaultSecurityRules": []}""".formatted(NSG);

        assertThat(letIn(flattened)).isEqualTo(letIn(nested(rule("Allow", 200, "Tcp", "Internet", "1433"))))
                .containsExactly(new IngressRule("Tcp", 1433, 1433, "Internet", "nsg-db"));
    }

    @Test
    void aGroupNamingASubnetFiltersTheInterfacesInIt() {
        String group = """
                {"id": "%s", "name": "nsg-db", "type": "Microsoft.Network/networkSecurityGroups", "properties": {
                 "securityRules": [%s], "subnets": [{"id": "%s"}]}}""".formatted(NSG,
                rule("Allow", 100, "Tcp", "Internet", "5432"), SUBNET);
        ArmRows.map(builder, group);
        builder.networkInterface(Provider.AZURE, new NetworkInterface(VM + "-nic", VM, null, true,
                List.of(new NetworkInterface.Subnet(SUBNET, VNET))));

        assertThat(server().ingress()).containsExactly(new IngressRule("Tcp", 5432, 5432, "Internet", "nsg-db"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"priority\": \"high\"                      | 'securityRules[0].priority' to be a number, found \"high\"",
            "\"destinationPortRange\": \"65536\"         | to be *, a port such as 1433 or a range such as 1000-2000, found '65536'",
            "\"destinationPortRange\": \"2000-1000\"     | found '2000-1000'",
            "\"direction\": null                         | 'securityRules[0]' to have a 'direction'",
            "\"sourceAddressPrefix\": null               | 'securityRules[0]' to name its sources",
    })
    void aMalformedRuleIsAnErrorNamingTheFileAndTheRule(String override, String expected) {
        String rule = """
                {"name": "r", "properties": {"access": "Allow", "direction": "Inbound", "priority": 100,
                 "protocol": "Tcp", "sourceAddressPrefix": "*", "destinationPortRange": "1433", %s}}"""
                .formatted(override).replaceFirst("\"" + override.substring(1, override.indexOf('"', 1)) + "\": [^,]+,", "");

        assertThatThrownBy(() -> ArmRows.map(builder, nested(rule)))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageStartingWith("inline.json:3:5: ")
                .hasMessageContaining(expected);
    }

    private List<IngressRule> letIn(String group) {
        InventoryBuilder fresh = new InventoryBuilder();
        ArmRows.map(fresh, group);
        fresh.subnetSecurityGroup(Provider.AZURE, SUBNET, null);
        fresh.networkInterface(Provider.AZURE, new NetworkInterface(VM + "-nic", VM, NSG, true,
                List.of(new NetworkInterface.Subnet(SUBNET, VNET))));
        fresh.server(Server.builder().provider(Provider.AZURE).id(VM).account(ArmRows.SUBSCRIPTION), InventoryBuilder.Links.NONE);
        return fresh.build().servers().get(0).ingress();
    }

    private Server server() {
        builder.server(Server.builder().provider(Provider.AZURE).id(VM).account(ArmRows.SUBSCRIPTION), InventoryBuilder.Links.NONE);
        return builder.build().servers().get(0);
    }

    private static String nested(String... rules) {
        return """
                {"id": "%s", "name": "nsg-db", "type": "microsoft.network/networksecuritygroups",
                 "properties": {"securityRules": [%s]}}""".formatted(NSG, String.join(", ", rules));
    }

    private static String rule(String access, int priority, String protocol, String source, String ports) {
        return """
                {"name": "r%d", "properties": {"access": "%s", "direction": "Inbound", "priority": %d,
                 "protocol": "%s", "sourceAddressPrefix": "%s", "destinationPortRange": "%s"}}"""
                .formatted(priority, access, priority, protocol, source, ports);
    }

    private static String outbound() {
        return """
                {"name": "out", "properties": {"access": "Allow", "direction": "Outbound", "priority": 100,
                 "protocol": "*", "sourceAddressPrefix": "*", "destinationPortRange": "*"}}""";
    }
}
