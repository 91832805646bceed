package io.github.cloudaudit.rules;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.cloudaudit.rules.Fixtures.DATABASE_HOST;
import static io.github.cloudaudit.rules.Fixtures.PERSONAL_DATA;
import static io.github.cloudaudit.rules.Fixtures.findings;
import static io.github.cloudaudit.rules.Fixtures.singleFinding;
import static io.github.cloudaudit.rules.Fixtures.tagged;
import static io.github.cloudaudit.rules.RuleTestSupport.healthyServer;
import static io.github.cloudaudit.rules.Fixtures.norwegian;
import static org.assertj.core.api.Assertions.assertThat;

class DbExposedRuleTest {

    private final DbExposedRule rule = new DbExposedRule();

    private static Server.Builder withIngress(IngressRule... rules) {
        return healthyServer("i-db").ingress(List.of(rules));
    }

    private static IngressRule tcp(int from, int to, String source) {
        return new IngressRule("tcp", from, to, source, "sg-0db");
    }

    private static IngressRule allTraffic(String protocol, String source) {
        return new IngressRule(protocol, null, null, source, "sg-0all");
    }

    private static Server.Builder managed(Boolean publiclyAccessible) {
        return healthyServer("orders-db").kind(ResourceKind.MANAGED_DATABASE).os(null)
                .engine(new DatabaseEngine("mysql", "8.0.39")).publiclyAccessible(publiclyAccessible);
    }

    @Test
    void aServerWithoutInboundRulesPasses() {
        assertThat(findings(rule, healthyServer("i-1"))).isEmpty();
    }

    @Test
    void aDatabasePortOpenToTheInternetIsReported() {
        Finding finding = singleFinding(rule, withIngress(tcp(3306, 3306, "0.0.0.0/0")));

        assertThat(finding.ruleId()).isEqualTo("db-exposed");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.verified()).isTrue();
        assertThat(finding.message()).isEqualTo("web-i-db can be reached from the whole internet: port 3306 "
                + "(MySQL/MariaDB) is open to 0.0.0.0/0 in security group sg-0db.");
    }

    @Test
    void aDatabaseHostDoesNotRaiseItButPersonalDataMakesItCritical() {
        Server.Builder exposed = withIngress(tcp(5432, 5432, "::/0"));

        assertThat(singleFinding(rule, tagged(exposed, DATABASE_HOST)).severity()).isEqualTo(Severity.HIGH);
        Finding personal = singleFinding(rule, tagged(exposed, DATABASE_HOST, PERSONAL_DATA));
        assertThat(personal.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(personal.evidence()).contains("data classification: personal");
    }

    @Test
    void aDatabasePortOpenToAPrivateRangePasses() {
        assertThat(findings(rule, withIngress(tcp(3306, 3306, "10.0.0.0/16")))).isEmpty();
    }

    @Test
    void aWebPortOpenToTheInternetPasses() {
        assertThat(findings(rule, withIngress(tcp(443, 443, "0.0.0.0/0")))).isEmpty();
    }

    @Test
    void aRangeOpenToTheInternetNamesEveryDatabasePortInIt() {
        Finding finding = singleFinding(rule, withIngress(tcp(5000, 6000, "0.0.0.0/0")));

        assertThat(finding.message()).contains("ports 5432 (PostgreSQL) and 5984 (CouchDB) are open to 0.0.0.0/0");
    }

    @Test
    void allPortsOpenToTheInternetCountOnlyOnADatabaseHost() {
        assertThat(findings(rule, withIngress(allTraffic("-1", "0.0.0.0/0")))).isEmpty();

        Finding finding = singleFinding(rule, tagged(withIngress(allTraffic("-1", "0.0.0.0/0")), DATABASE_HOST));
        assertThat(finding.message()).endsWith("all ports are open to 0.0.0.0/0 in security group sg-0all.");
        assertThat(finding.evidence()).contains("hosts a database: tag role=database");
    }

    @Test
    void allUdpPortsDoNotReachADatabase() {
        assertThat(findings(rule, tagged(withIngress(allTraffic("udp", "0.0.0.0/0")), DATABASE_HOST))).isEmpty();
    }

    @Test
    void aPubliclyAccessibleManagedDatabaseIsReportedWithItsEngine() {
        Finding finding = singleFinding(rule, managed(true));

        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.message()).isEqualTo("web-orders-db (MySQL 8.0.39) can be reached from the whole "
                + "internet: the database service is set to be publicly accessible.");
        assertThat(finding.evidence()).contains("engine: MySQL 8.0.39");
    }

    @Test
    void aPrivateManagedDatabasePasses() {
        assertThat(findings(rule, managed(false))).isEmpty();
    }

    @Test
    void aManagedDatabaseOfUnknownAccessibilityIsUnverified() {
        Finding finding = singleFinding(rule, tagged(managed(null), PERSONAL_DATA));

        assertThat(finding.verified()).isFalse();
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).isEqualTo("Could not tell whether the database web-orders-db is publicly "
                + "accessible.");
    }

    @Test
    void azureRulesNameTheNetworkSecurityGroup() {
        Server.Builder vm = healthyServer("vm-sql").provider(Provider.AZURE)
                .ingress(List.of(new IngressRule("*", 1433, 1433, "Internet", "nsg-sql")));

        assertThat(singleFinding(rule, vm).message()).endsWith("port 1433 (SQL Server) is open to Internet in "
                + "network security group nsg-sql.");
    }

    @Test
    void theNorwegianReportSaysWhatIsOpenAndWhere() {
        assertThat(norwegian(singleFinding(rule, withIngress(tcp(3306, 3306, "0.0.0.0/0"))))).isEqualTo("web-i-db kan "
                + "nås fra hele internett: port 3306 (MySQL/MariaDB) er åpen for 0.0.0.0/0 i sikkerhetsgruppen sg-0db.");
        assertThat(norwegian(singleFinding(rule, withIngress(tcp(3306, 5432, "0.0.0.0/0")))))
                .contains("portene 3306 (MySQL/MariaDB) og 5432 (PostgreSQL) er åpne for 0.0.0.0/0");
        assertThat(norwegian(singleFinding(rule, managed(true)))).isEqualTo("web-orders-db (MySQL 8.0.39) kan nås fra "
                + "hele internett: databasetjenesten er satt til å være offentlig tilgjengelig.");
        assertThat(norwegian(singleFinding(rule, managed(null))))
                .isEqualTo("Kunne ikke avgjøre om databasen web-orders-db er offentlig tilgjengelig.");
    }
}
