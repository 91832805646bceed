package io.github.cloudaudit.rules;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseDetectorTest {

    private final DatabaseDetector detector = new DatabaseDetector(AuditSettings.defaults().databaseTags());

    private static Server.Builder server() {
        return RuleTestSupport.healthyServer("i-1");
    }

    @Test
    void aPlainWebServerHostsNoDatabase() {
        Server web = server().ingress(List.of(new IngressRule("tcp", 443, 443, "0.0.0.0/0", "sg-web"))).build();
        assertThat(evidence(web)).isEmpty();
    }

    @Test
    void aManagedDatabaseAlwaysHostsOne() {
        Server rds = server().kind(ResourceKind.MANAGED_DATABASE).engine(new DatabaseEngine("mysql", "8.0.36")).build();
        assertThat(evidence(rds)).containsExactly("managed database service (mysql)");
    }

    @Test
    void aDatabasePortInAnIngressRuleIsEvidenceWithItsSource() {
        Server vm = server().ingress(List.of(new IngressRule("tcp", 5000, 5500, "10.0.0.0/16", "sg-db"))).build();
        assertThat(evidence(vm)).containsExactly("port 5432 (PostgreSQL) open to 10.0.0.0/16 via sg-db");
    }

    @Test
    void anAllPortsRuleSaysNothingAboutWhatListens() {
        Server vm = server().ingress(List.of(new IngressRule("-1", null, null, "10.0.0.0/8", "sg-all"))).build();
        assertThat(evidence(vm)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Windows_Server-2012-R2_RTM-English-64Bit-SQL_2014_SP2_Standard-2017.10.13",
            "MicrosoftSQLServer:SQL2014SP3-WS2012R2:Standard:latest",
            "bitnami-mysql-8.0.36-0-linux-debian-12",
            "Oracle Database 19c on Oracle Linux 8",
            "mongodb-7.0-ubuntu-jammy"})
    void anImageThatNamesAnEngineIsEvidence(String image) {
        assertThat(evidence(server().image(image).build())).singleElement().asString().startsWith("image '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64",
            "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240101", "Windows_Server-2022-English-Full-Base"})
    void anOrdinaryImageIsNot(String image) {
        assertThat(evidence(server().image(image).build())).isEmpty();
    }

    @Test
    void configuredTagsAreEvidenceCaseInsensitively() {
        assertThat(evidence(server().tags(Map.of("Role", "Database")).build()))
                .containsExactly("tag role=Database");
        assertThat(evidence(server().tags(Map.of("role", "frontend")).build())).isEmpty();
        assertThat(evidence(server().tags(Map.of("db", "billing")).build())).containsExactly("tag db=billing");
    }

    /** The evidence as the English reports read it. */
    private List<String> evidence(Server server) {
        return detector.evidence(server).stream().map(line -> RuleTexts.render("en", line)).toList();
    }
}
