package io.github.cloudaudit.report;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.rules.ServerProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditReportTest {

    /**
     * The bundled demo has findings about listed servers and about accounts and regions it could not read: each
     * finding's server, looked up by its place, is the server it names, and none where it names no listed server.
     */
    @Test
    void eachFindingsServerByPlaceIsTheServerItNames() throws IOException {
        AuditReport report = ReportFixtures.bundledDemo("en");
        List<Finding> findings = report.result().findings();

        int about = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            ServerProfile server = report.resourceOf(i);
            assertThat(server).isSameAs(report.resource(finding));
            assertThat(report.resourceKeyOf(i)).isEqualTo(report.resourceKey(finding));
            if (server == null) {
                assertThat(report.resources()).noneMatch(p -> named(p.server(), finding));
            } else {
                assertThat(named(server.server(), finding)).isTrue();
                assertThat(report.resourceKeyOf(i)).isEqualTo(server.server().key());
                about++;
            }
        }
        assertThat(about).isPositive().isLessThan(findings.size());
    }

    private static boolean named(Server server, Finding finding) {
        return server.provider() == finding.provider() && server.account().equals(finding.account())
                && server.id().equals(finding.resourceId());
    }
}
