package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Network;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small inventories for rule tests: a healthy server by default, changed one fact at a time. */
final class RuleTestSupport {

    static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-north-1";
    static final String VPC = "vpc-0a1b2c3d";

    private RuleTestSupport() {
    }

    /** A current, owned, watched, running EC2 server that no rule should flag. */
    static Server.Builder healthyServer(String id) {
        return Server.builder()
                .provider(Provider.AWS).id(id).name("web-" + id).account(ACCOUNT).region(REGION)
                .type("m7g.large").state(PowerState.RUNNING)
                .launchedOn(AUDIT_DATE.minusDays(200)).stateSince(AUDIT_DATE.minusDays(200))
                .os(new io.github.cloudaudit.model.OperatingSystem("ubuntu", "24.04", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260101"))
                .tags(Map.of("Owner", "team-web", "Name", "web-" + id))
                .networkIds(List.of(VPC))
                .attachedDisks(1)
                .monitoring(new Monitoring(true, true, true));
    }

    /** Account and region facts with GuardDuty on and a logging trail. */
    static Scope watchedScope() {
        return new Scope(Provider.AWS, ACCOUNT, REGION, true, true, true);
    }

    static Network networkWithFlowLogs() {
        return new Network(Provider.AWS, ACCOUNT, REGION, VPC, true);
    }

    static Inventory inventory(List<Server> servers, List<Scope> scopes, List<Network> networks) {
        return new Inventory(servers, scopes, networks, List.of(), List.of());
    }

    /** An inventory of the given servers in a fully watched account, region and network. */
    static Inventory watchedInventory(Server... servers) {
        return inventory(List.of(servers), List.of(watchedScope()), List.of(networkWithFlowLogs()));
    }

    static AuditContext context(Inventory inventory) {
        return AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults());
    }

    static AuditContext context(Inventory inventory, AuditSettings settings) {
        return AuditContext.withBuiltInTables(inventory, AUDIT_DATE, settings);
    }

    /** Runs a plain rule. */
    static List<Finding> run(Rule rule, Inventory inventory) {
        return rule.evaluate(context(inventory), List.of());
    }

    /** Runs every built-in rule, composite ones included. */
    static List<Finding> runAll(Inventory inventory) {
        return new ArrayList<>(RuleEngine.withBuiltInRules().run(context(inventory)));
    }
}
