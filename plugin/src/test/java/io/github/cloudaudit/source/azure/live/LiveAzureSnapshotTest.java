package io.github.cloudaudit.source.azure.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.rules.AuditContext;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.rules.RuleEngine;
import io.github.cloudaudit.source.InventoryBuilder;
import io.github.cloudaudit.source.InventoryFiles;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.normalized.NormalizedInventoryWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.github.cloudaudit.source.azure.live.ArmResources.cpuAlert;
import static io.github.cloudaudit.source.azure.live.ArmResources.defenderPlan;
import static io.github.cloudaudit.source.azure.live.ArmResources.monitorAgent;
import static io.github.cloudaudit.source.azure.live.ArmResources.vm;
import static io.github.cloudaudit.source.azure.live.ArmResources.vmId;
import static org.assertj.core.api.Assertions.assertThat;

/** What the live Azure source reads, written as a snapshot and read back, gives the same findings. */
class LiveAzureSnapshotTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);
    private static final String PROD = LiveAzureSourceTest.PROD;
    private static final String TEST = LiveAzureSourceTest.TEST;
    private static final String LAB = LiveAzureSourceTest.LAB;

    private final AzureTestServer server = AzureTestServer.start();
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anAuditOfTheSnapshotFindsWhatTheLiveAuditFinds() throws IOException {
        server.subscription(PROD, "Production").subscription(TEST, "Test").subscription(LAB, "Lab");
        server.resource(vm(PROD, "legacy-erp-sql", "MicrosoftSQLServer", "SQL2014SP3-WS2012R2", "Enterprise",
                "deallocated", null));
        String healthy = vmId(TEST, "orders-db");
        ObjectNode ordersDb = vm(TEST, "orders-db", "MicrosoftSQLServer", "sql2022-ws2022", "enterprise-gen2",
                "running", "team-orders");
        ((ObjectNode) ordersDb.get("properties")).put("timeCreated", "2025-06-02T10:00:00Z");
        server.resource(ordersDb).resource(cpuAlert(TEST, healthy)).resource(monitorAgent(healthy));
        server.securityResource(defenderPlan(PROD, "VirtualMachines", "Free"))
                .securityResource(defenderPlan(TEST, "VirtualMachines", "Standard"));
        server.graph().forbid(LAB);

        Inventory live = read(new LiveAzureSource(AzureSettings.of(null, List.of(), AzureCloud.AZURE_CLOUD,
                URI.create(server.baseUrl()), null), server.environment(), AzureTestServer.sslContext(), List.of()));
        Path snapshot = work.resolve("snapshot.json");
        NormalizedInventoryWriter.write(live, snapshot, Instant.parse("2026-11-23T08:00:00Z"), "test snapshot");
        Inventory offline = read(new InventoryFiles(snapshot));

        List<String> found = findings(live);
        assertThat(found.get(0)).startsWith("risk-forgotten-database CRITICAL " + vmId(PROD, "legacy-erp-sql"));
        assertThat(found).anyMatch(f -> f.startsWith("legacy-os HIGH " + vmId(PROD, "legacy-erp-sql")))
                .anyMatch(f -> f.startsWith("orphan-no-owner ") && f.contains(vmId(PROD, "legacy-erp-sql")))
                .anyMatch(f -> f.startsWith("monitoring-no-cpu-alarm ") && f.contains(vmId(PROD, "legacy-erp-sql")))
                .anyMatch(f -> f.startsWith("audit-incomplete ") && f.contains(LAB))
                .noneMatch(f -> f.contains(healthy) && !f.contains(" INFO ") && !f.contains(" LOW "));
        assertThat(findings(offline)).isEqualTo(found);
    }

    private Inventory read(InventorySource source) throws IOException {
        InventoryBuilder builder = new InventoryBuilder(AUDIT_DATE);
        source.collect(builder, new InventorySource.Log(log::add, log::add));
        return builder.build();
    }

    /** Each finding's rule, severity, resource, account and message, in the order the rules give them. */
    private static List<String> findings(Inventory inventory) {
        List<String> found = new ArrayList<>();
        for (Finding finding : RuleEngine.withBuiltInRules()
                .run(AuditContext.withBuiltInTables(inventory, AUDIT_DATE, AuditSettings.defaults()))) {
            found.add(String.join(" ", finding.ruleId(), finding.severity().name(), finding.resourceId(),
                    String.valueOf(finding.account()), finding.message()));
        }
        return found;
    }

}
