package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Category;
import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.cloudaudit.rules.MonitoringTestSupport.regionScope;
import static io.github.cloudaudit.rules.MonitoringTestSupport.withMonitoring;
import static io.github.cloudaudit.rules.RuleTestSupport.context;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.RuleTestSupport.inventory;
import static io.github.cloudaudit.rules.RuleTestSupport.networkWithFlowLogs;
import static io.github.cloudaudit.rules.RuleTestSupport.watchedInventory;
import static org.assertj.core.api.Assertions.assertThat;

/** The forgotten database story: a database host that is legacy or orphaned and not watched. */
class ForgottenDatabaseRuleTest {

    private static final RuleMetadata LEGACY_OS = standIn("legacy-os", Category.LEGACY);
    private static final RuleMetadata NO_OWNER = standIn("orphan-no-owner", Category.ORPHANED);
    private static final List<Rule> MONITORING_RULES = List.of(new NoCpuAlarmRule(), new BasicMonitoringOnlyRule(),
            new NoMonitoringAgentRule(), new NoThreatDetectionRule(), new NoFlowLogsRule(), new NoAuditTrailRule());

    private final ForgottenDatabaseRule rule = new ForgottenDatabaseRule();

    /** The incident: Ubuntu 14.04 since 2014, MySQL open inside the VPC, personal data, no owner, no CPU alarm. */
    private static Server.Builder legacyCrmDb() {
        return withMonitoring(healthyServer("i-0c0ffee"), false, true, true)
                .name("legacy-crm-db")
                .os(new OperatingSystem("ubuntu", "14.04", "ubuntu-trusty-14.04-amd64-server"))
                .launchedOn(LocalDate.of(2014, 6, 2))
                .tags(Map.of("Name", "legacy-crm-db", "data-classification", "personal"))
                .ingress(List.of(new IngressRule("tcp", 3306, 3306, "10.0.0.0/16", "sg-0crm")));
    }

    /** The incident's account: the trail logs and flow logs are on, GuardDuty is off. */
    private static Inventory guardDutyOff(Server server) {
        return inventory(List.of(server), List.of(regionScope(false, false, true)), List.of(networkWithFlowLogs()));
    }

    @Test
    void tellsTheWholeStoryOnceWithTheFindingsItIsMadeOf() {
        Server server = legacyCrmDb().build();
        AuditContext context = context(guardDutyOff(server));
        List<Finding> earlier = earlier(context, server, true);

        List<Finding> findings = rule.evaluate(context, earlier);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("risk-forgotten-database");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.verified()).isTrue();
            assertThat(f.resourceId()).isEqualTo("i-0c0ffee");
            assertThat(f.message()).isEqualTo("legacy-crm-db hosts a database with personal data "
                    + "(port 3306 (MySQL/MariaDB) open to 10.0.0.0/16 via sg-0crm), has run since 2014, "
                    + "runs Ubuntu 14.04 LTS (Trusty Tahr) whose support ended 2019-04-30, has no owner, "
                    + "and it is not properly watched: no CPU alarm, GuardDuty off. "
                    + "This is how forgotten servers get breached and mined unnoticed. First: name an owner today, "
                    + "snapshot it for evidence and check it for signs of intrusion; then switch on the missing "
                    + "monitoring and upgrade, migrate or retire it.");
            assertThat(f.related()).containsExactlyInAnyOrderElementsOf(
                    earlier.stream().filter(Finding::verified).map(Finding::fingerprint).toList());
            assertThat(f.related()).hasSize(4);
            assertThat(f.evidence()).anyMatch(line -> line.startsWith("legacy-os: "))
                    .anyMatch(line -> line.startsWith("orphan-no-owner: "))
                    .anyMatch(line -> line.startsWith("monitoring-no-cpu-alarm: No alarm watches the CPU"))
                    .anyMatch(line -> line.startsWith("monitoring-no-threat-detection: GuardDuty is off"));
        });
    }

    @Test
    void anOwnedServerThatNobodyWouldNoticeIsToldToItsOwnerFirst() {
        Server server = withMonitoring(MonitoringTestSupport.tagged(legacyCrmDb(), "owner", "crm-team"),
                false, true, false).build();
        AuditContext context = context(guardDutyOff(server));

        List<Finding> findings = rule.evaluate(context, earlier(context, server, false));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .contains(", is owned by crm-team, and it is not properly watched")
                .contains("First: have crm-team review it today"));
    }

    @Test
    void sustainedHighCpuOnARunningServerIsToldAsTheSignatureOfMining() {
        Server mined = legacyCrmDb().cpu(new io.github.cloudaudit.model.CpuStatistics(14, 97.8, 100)).build();
        AuditContext context = context(guardDutyOff(mined));
        assertThat(rule.evaluate(context, earlier(context, mined, true))).singleElement().satisfies(f ->
                assertThat(f.message()).contains("its CPU has averaged 97.8% over 14 days, the signature of cryptomining"));

        Server stopped = legacyCrmDb().cpu(new io.github.cloudaudit.model.CpuStatistics(14, 97.8, 100))
                .state(io.github.cloudaudit.model.PowerState.STOPPED).build();
        AuditContext stoppedContext = context(guardDutyOff(stopped));
        assertThat(rule.evaluate(stoppedContext, earlier(stoppedContext, stopped, true))).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("cryptomining"));
    }

    @Test
    void anOwnedWatchedLegacyDatabaseHostIsNotTheStory() {
        Server server = withMonitoring(owned(legacyCrmDb()), true, true, true).build();
        AuditContext context = context(watchedInventory(server));

        assertThat(rule.evaluate(context, earlier(context, server, false))).isEmpty();
    }

    @Test
    void anUnownedLegacyDatabaseHostIsForgottenEvenWhenWatched() {
        Server server = withMonitoring(legacyCrmDb(), true, true, true).build();
        AuditContext context = context(watchedInventory(server));

        assertThat(rule.evaluate(context, earlier(context, server, true))).singleElement().satisfies(f ->
                assertThat(f.message()).contains("has no owner, and nobody answers for what it holds."));
    }

    /** The demo's billing-mysql: owned, watched by a CPU alarm, on an old engine, GuardDuty off. */
    @Test
    void anOwnedLegacyDatabaseIsForgottenOnlyWhenNoWatcherAtAllWouldNotice() {
        assertThat(forgotten(withMonitoring(owned(legacyCrmDb()), true, true, false), false))
                .as("a CPU alarm would notice").isFalse();
        assertThat(forgotten(withMonitoring(owned(legacyCrmDb()), false, true, true), false))
                .as("an agent would notice").isFalse();
        assertThat(forgotten(withMonitoring(owned(legacyCrmDb()), false, true, false), true))
                .as("GuardDuty would notice").isFalse();
        assertThat(forgotten(withMonitoring(owned(legacyCrmDb()), false, true, false), false))
                .as("nothing would notice").isTrue();
        assertThat(forgotten(owned(rdsLegacyDb()).monitoring(new Monitoring(true, true, null)), false))
                .as("managed database with a CPU alarm").isFalse();
        assertThat(forgotten(owned(rdsLegacyDb()).monitoring(new Monitoring(false, true, null)), false))
                .as("managed database: no agent to ask for, no alarm, GuardDuty off").isTrue();
    }

    @Test
    void anOwnedDatabaseThatIsNeitherLegacyNorOrphanedIsNotForgottenHoweverUnwatched() {
        Server server = withMonitoring(owned(MonitoringTestSupport.databaseHost(healthyServer("i-new"))),
                false, false, false).build();
        AuditContext context = context(guardDutyOff(server));

        assertThat(rule.evaluate(context, monitoring(context))).isEmpty();
    }

    @Test
    void watchersThatAreOnlyUnknownCountWhenTheyAreAllThatIsKnown() {
        Server server = withMonitoring(owned(legacyCrmDb()), null, null, null).build();
        AuditContext context = context(inventory(List.of(server), List.of(), List.of()));
        List<Finding> earlier = earlier(context, server, false);

        assertThat(earlier).anyMatch(f -> f.ruleId().startsWith("monitoring-"))
                .noneMatch(f -> f.ruleId().startsWith("monitoring-") && f.verified());
        assertThat(rule.evaluate(context, earlier)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("it is not properly watched: no CPU alarm (not verified), only basic monitoring "
                        + "(not verified), no monitoring agent (not verified), GuardDuty off (not verified)"));
    }

    @Test
    void aServerWithEvidenceOfMiningIsAnIncidentFirst() {
        Server server = legacyCrmDb().build();
        AuditContext context = context(guardDutyOff(server));
        List<Finding> earlier = earlier(context, server, true);
        earlier.add(context.finding(ThreatCryptominingRule.METADATA, server, "GuardDuty reports mining.", List.of()));

        assertThat(rule.evaluate(context, earlier)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("First: a threat-detection service reports mining on it, so treat it as a security "
                        + "incident now: isolate it")
                .contains("GDPR Art. 33").contains("Datatilsynet").contains("within 72 hours")
                .doesNotContain("name an owner today"));
    }

    private boolean forgotten(Server.Builder builder, boolean guardDuty) {
        Server server = builder.build();
        AuditContext context = context(inventory(List.of(server), List.of(regionScope(guardDuty, guardDuty, true)),
                List.of(networkWithFlowLogs())));
        List<Finding> earlier = new ArrayList<>(monitoring(context));
        earlier.add(context.finding(LEGACY_OS, server, "Out of support.", List.of()));
        return !rule.evaluate(context, earlier).isEmpty();
    }

    private static Server.Builder owned(Server.Builder server) {
        return MonitoringTestSupport.tagged(server, "owner", "crm-team");
    }

    private static Server.Builder rdsLegacyDb() {
        return MonitoringTestSupport.rdsDatabase("crm-rds").engine(new io.github.cloudaudit.model.DatabaseEngine("mysql", "5.6.51"));
    }

    @Test
    void anUnverifiedLegacyFindingProvesNothing() {
        Server server = legacyCrmDb().build();
        AuditContext context = context(guardDutyOff(server));
        List<Finding> earlier = new ArrayList<>(monitoring(context));
        earlier.add(context.unverified(LEGACY_OS, server, "Cannot tell which OS it runs.", "aws ec2 describe-images", List.of()));

        assertThat(rule.evaluate(context, earlier)).isEmpty();
    }

    @Test
    void aServerThatHostsNoDatabaseIsNotTheStory() {
        Server server = legacyCrmDb().ingress(List.of()).tags(Map.of("Name", "legacy-web")).build();
        AuditContext context = context(guardDutyOff(server));

        assertThat(context.profile(server).hostsDatabase()).isFalse();
        assertThat(rule.evaluate(context, earlier(context, server, true))).isEmpty();
    }

    @Test
    void findingsOfAServerWithTheSameIdInAnotherAccountDoNotCount() {
        Server server = legacyCrmDb().build();
        Server twin = legacyCrmDb().account("210987654321").monitoring(null).build();
        AuditContext context = context(inventory(List.of(server, twin), List.of(regionScope(true, true, true)),
                List.of(networkWithFlowLogs())));
        List<Finding> earlier = new ArrayList<>(monitoring(context));
        earlier.add(context.finding(LEGACY_OS, twin, "Runs Ubuntu 14.04.", List.of()));

        assertThat(earlier).anyMatch(f -> f.ruleId().equals("monitoring-no-cpu-alarm") && f.verified()
                && f.account().equals(server.account()));
        assertThat(rule.evaluate(context, earlier)).noneMatch(f -> f.account().equals(server.account()));
    }

    @Test
    void runsAfterThePlainRules() {
        assertThat(rule.composite()).isTrue();
        assertThat(rule.metadata().category()).isEqualTo(Category.RISK);
    }

    /** What the plain rules would say: the monitoring rules for real, legacy and orphan findings stood in for. */
    private static List<Finding> earlier(AuditContext context, Server server, boolean withoutOwner) {
        List<Finding> findings = new ArrayList<>(monitoring(context));
        findings.add(context.finding(LEGACY_OS, server, "It runs Ubuntu 14.04, out of support.", List.of()));
        if (withoutOwner) {
            findings.add(context.finding(NO_OWNER, server, "Nobody owns it.", List.of()));
        }
        return findings;
    }

    private static List<Finding> monitoring(AuditContext context) {
        return MONITORING_RULES.stream().flatMap(r -> r.evaluate(context, List.of()).stream()).toList();
    }

    private static RuleMetadata standIn(String id, Category category) {
        return new RuleMetadata(id, id, category, Severity.MEDIUM, "stand-in", "stand-in", List.of());
    }

    @Test
    void theNorwegianReportTellsTheWholeStory() {
        Server server = legacyCrmDb().build();
        AuditContext context = context(guardDutyOff(server));

        assertThat(rule.evaluate(context, earlier(context, server, true))).singleElement().satisfies(f ->
                assertThat(Fixtures.norwegian(f)).isEqualTo("legacy-crm-db har en database med data klassifisert som "
                        + "personal (port 3306 (MySQL/MariaDB) åpen for 10.0.0.0/16 via sg-0crm), har kjørt siden "
                        + "2014, kjører Ubuntu 14.04 LTS (Trusty Tahr) der støtten tok slutt 2019-04-30, har ingen "
                        + "eier, og den er ikke ordentlig overvåket: ingen CPU-alarm, GuardDuty av. Slik blir glemte "
                        + "servere brutt inn i og brukt til utvinning uten at noen merker det. Først: utpek en eier i "
                        + "dag, ta øyeblikksbilder av den som bevis og sjekk den for tegn på innbrudd; slå deretter på "
                        + "overvåkingen som mangler, og oppgrader, flytt eller pensjoner den."));
    }
}
