package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Scope;
import io.github.cloudaudit.model.Server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.rules.RuleTestSupport.ACCOUNT;
import static io.github.cloudaudit.rules.RuleTestSupport.REGION;

/** Variations of the healthy server the monitoring and risk rule tests share. */
final class MonitoringTestSupport {

    static final String SUBSCRIPTION = "0f3c2a1b-4d5e-6f70-8192-a3b4c5d6e7f8";
    static final String VNET = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/crm/providers/"
            + "Microsoft.Network/virtualNetworks/crm-vnet";

    private MonitoringTestSupport() {
    }

    /** The server with tags added to the ones it has. */
    static Server.Builder tagged(Server.Builder server, String... keysAndValues) {
        Map<String, String> tags = new HashMap<>(server.build().tags());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return server.tags(tags);
    }

    /** A server that hosts a database by its tag: monitoring findings on it are raised one step. */
    static Server.Builder databaseHost(Server.Builder server) {
        return tagged(server, "role", "database");
    }

    /** A database host with personal data: monitoring findings on it are raised two steps. */
    static Server.Builder personalDataHost(Server.Builder server) {
        return tagged(databaseHost(server), "data-classification", "personal");
    }

    static Server.Builder withMonitoring(Server.Builder server, Boolean cpuAlarm, Boolean detailed, Boolean agent) {
        return server.monitoring(new Monitoring(cpuAlarm, detailed, agent));
    }

    /** An RDS MySQL instance in the healthy VPC, watched in every way. */
    static Server.Builder rdsDatabase(String id) {
        return RuleTestSupport.healthyServer(id).kind(ResourceKind.MANAGED_DATABASE).name(id).type("db.m7g.large")
                .os(null).engine(new DatabaseEngine("mysql", "8.0.39"));
    }

    /** A healthy Azure virtual machine in subscription {@link #SUBSCRIPTION}. */
    static Server.Builder azureServer(String name) {
        return RuleTestSupport.healthyServer(name).provider(Provider.AZURE).account(SUBSCRIPTION)
                .region("westeurope").id("/subscriptions/" + SUBSCRIPTION
                        + "/resourceGroups/crm/providers/Microsoft.Compute/virtualMachines/" + name)
                .name(name).networkIds(List.of(VNET));
    }

    static Scope awsScope(String region, Boolean servers, Boolean databases, Boolean trail) {
        return new Scope(Provider.AWS, ACCOUNT, region, servers, databases, trail);
    }

    static Scope regionScope(Boolean servers, Boolean databases, Boolean trail) {
        return awsScope(REGION, servers, databases, trail);
    }

    static Scope accountScope(Boolean servers, Boolean databases, Boolean trail) {
        return awsScope(null, servers, databases, trail);
    }

    static Scope azureSubscription(Boolean servers, Boolean databases, Boolean trail) {
        return new Scope(Provider.AZURE, SUBSCRIPTION, null, servers, databases, trail);
    }
}
