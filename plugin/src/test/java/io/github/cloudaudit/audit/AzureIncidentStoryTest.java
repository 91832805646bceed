package io.github.cloudaudit.audit;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.policy.Gates;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.RiskRanking;
import io.github.cloudaudit.report.RiskRanking.ServerRisk;
import io.github.cloudaudit.rules.AuditSettings;
import io.github.cloudaudit.source.InventoryFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident on Azure, from Resource Graph rows (resources and securityresources, as the live audit receives them)
 * and the VMs' CPU metrics: an unowned VM from the SQL Server 2014 on Windows Server 2012 R2 image, running flat out,
 * SQL Server open to the internet through its interface's network security group, no alert rule, Defender for
 * Servers off in its subscription. Beside it, a looked-after subscription whose servers have nothing above INFO.
 */
class AzureIncidentStoryTest {

    private static final LocalDate AUDIT_DATE = LocalDate.of(2026, 11, 23);
    private static final List<String> HEALTHY = List.of("shop-app-01", "shop-app-02", "cosmos-shop-catalog");

    private static Inventory inventory;
    private static List<Finding> findings;
    private static List<ServerRisk> ranking;

    @BeforeAll
    static void auditTheEstate() throws IOException, URISyntaxException {
        AuditReport report = audit(Path.of(AzureIncidentStoryTest.class.getResource("/inventories/azure-graph-incident")
                .toURI()));
        assertThat(report.inventory().sources()).as("every file is recognized")
                .isNotEmpty().allSatisfy(file -> assertThat(file.skipped()).isNull());
        inventory = report.inventory();
        findings = report.result().findings();
        ranking = RiskRanking.of(report);
    }

    /** The audit a first run with the defaults makes of the folder: the real readers, rules, policy and ranking. */
    private static AuditReport audit(Path folder) throws IOException {
        return new Auditor(line -> { }, line -> { }).audit(new AuditRequest(List.of(new InventoryFiles(folder)),
                AUDIT_DATE, AuditSettings.defaults(), Severity.HIGH, null, null, null, "en",
                new PolicyOptions(Map.of(), null, Gates.DEFAULTS), ""), "test");
    }

    private static List<Finding> on(String name) {
        return findings.stream().filter(f -> name.equals(f.resourceName())).toList();
    }

    @Test
    void theForgottenSql2014VmIsCriticalAndRankedFirst() {
        assertThat(ranking.get(0).profile().server().name()).isEqualTo("legacy-sql-01");
        assertThat(ranking.get(0).profile().engineLabel()).contains("SQL Server 2014");
        assertThat(ranking.get(0).profile().osLabel()).contains("2012 R2");
        assertThat(on("legacy-sql-01")).extracting(Finding::ruleId).contains("risk-forgotten-database",
                "cpu-sustained-high", "db-exposed", "legacy-db-engine", "legacy-os", "orphan-no-owner",
                "monitoring-no-threat-detection");
        assertThat(on("legacy-sql-01")).filteredOn(f -> f.ruleId().equals("risk-forgotten-database")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(ranking.get(1).score()).isLessThan(ranking.get(0).score());
    }

    @Test
    void sqlServerIsOpenToTheInternetThroughTheInterfacesGroup() {
        assertThat(on("legacy-sql-01")).filteredOn(f -> f.ruleId().equals("db-exposed")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("1433").contains("nsg-legacy-sql-01"));
    }

    @Test
    void healthyServersBesideItHaveNothingAboveInfo() {
        assertThat(inventory.servers()).extracting(s -> s.name()).containsAll(HEALTHY);
        assertThat(findings).filteredOn(f -> HEALTHY.contains(f.resourceName()))
                .allSatisfy(f -> assertThat(f.severity()).as(f.ruleId() + " on " + f.resourceName() + ": " + f.message())
                        .isEqualTo(Severity.INFO));
    }

    @Test
    void deallocatedAndQuietItIsStillTheCriticalForgottenDatabaseRankedFirst(@TempDir Path copy) throws Exception {
        Path estate = Path.of(AzureIncidentStoryTest.class.getResource("/inventories/azure-graph-incident").toURI());
        // The first row is the legacy VM's; its CPU metrics stay behind, as a deallocated VM reports none.
        String rows = Files.readString(estate.resolve("graph-query-resources.json"));
        Files.writeString(copy.resolve("graph-query-resources.json"),
                rows.replaceFirst("PowerState/running", "PowerState/deallocated"));
        Files.copy(estate.resolve("graph-query-securityresources.json"), copy.resolve("graph-query-securityresources.json"));

        AuditReport report = audit(copy);

        Server vm = RiskRanking.of(report).get(0).profile().server();
        assertThat(vm.name()).isEqualTo("legacy-sql-01");
        assertThat(vm.state()).isEqualTo(PowerState.STOPPED);
        assertThat(report.result().findings()).filteredOn(f -> "legacy-sql-01".equals(f.resourceName()))
                .filteredOn(f -> f.ruleId().equals("risk-forgotten-database")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
    }
}
