package io.github.cloudaudit.report.junit;

import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReporterTest {

    @TempDir
    Path output;

    @Test
    void oneCasePerRuleAndResourceWithFailuresAndSkips() throws Exception {
        AuditReport report = ReportFixtures.demo("en");
        Document xml = parse(new JUnitReporter().write(report, output));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = elements(root.getElementsByTagName("testsuite"));
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("audit-incomplete",
                "exposure-database-port-open", "legacy-database-engine", "legacy-os", "monitoring-no-cpu-alarm",
                "orphan-no-owner", "orphan-stopped-with-disks", "risk-forgotten-database", "threat-cryptomining");
        Element legacyOs = suites.get(3);
        List<Element> cases = elements(legacyOs.getElementsByTagName("testcase"));
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactlyInAnyOrder("legacy-crm-db (i-0a1b2c3d4e5f60001)", "erp-sql-2012 ("
                        + report.inventory().servers().get(3).id() + ")");
        Element crm = cases.stream().filter(c -> c.getAttribute("name").startsWith("legacy-crm-db")).findFirst().orElseThrow();
        Element failure = (Element) crm.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("CRITICAL");
        assertThat(failure.getAttribute("message")).isEqualTo("Ubuntu 14.04 reached its end of support on 2019-04-30.");
        assertThat(failure.getTextContent()).contains("Evidence: image ubuntu/images/hvm-ssd/ubuntu-trusty-14.04",
                "Remediation: Remediation of legacy-os.");
        Element erp = cases.stream().filter(c -> c.getAttribute("name").startsWith("erp-sql-2012")).findFirst().orElseThrow();
        assertThat(erp.getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) erp.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("suppressed: Migration to Azure SQL planned for Q1 (CHG-4411) (until 2027-03-31)");
        assertThat(legacyOs.getAttribute("tests")).isEqualTo("2");
        assertThat(legacyOs.getAttribute("failures")).isEqualTo("1");
        assertThat(legacyOs.getAttribute("skipped")).isEqualTo("1");
        assertThat(legacyOs.getAttribute("errors")).isEqualTo("0");
    }

    @Test
    void totalsAddUpOverSuites() throws Exception {
        AuditReport report = ReportFixtures.demo("en");
        Element root = parse(new JUnitReporter().write(report, output)).getDocumentElement();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Element suite : elements(root.getElementsByTagName("testsuite"))) {
            assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
            assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(Integer.parseInt(suite.getAttribute("failures")));
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failures += Integer.parseInt(suite.getAttribute("failures"));
            skipped += Integer.parseInt(suite.getAttribute("skipped"));
        }
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(tests));
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(failures));
        assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(skipped));
        // 11 open findings on 10 rule and resource pairs (legacy-crm-db has one finding per rule), 1 suppressed.
        assertThat(failures).isEqualTo(11);
        assertThat(skipped).isEqualTo(1);
        assertThat(root.getAttribute("time")).isEqualTo("1.84");
    }

    @Test
    void findingsAcceptedInTheBaselineAreSkippedNotFailed() throws Exception {
        AuditReport report = ReportFixtures.baselined("en");
        Element root = parse(new JUnitReporter().write(report, output)).getDocumentElement();

        long newCases = report.result().newFindings().stream().map(f -> f.ruleId() + " " + JUnitReporter.caseName(f))
                .distinct().count();
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(newCases));
        List<String> skips = elements(root.getElementsByTagName("skipped")).stream()
                .map(e -> e.getAttribute("message")).toList();
        assertThat(skips).filteredOn("accepted in the baseline"::equals).hasSize(2);
        assertThat(root.getElementsByTagName("failure").getLength())
                .isEqualTo(Integer.parseInt(root.getAttribute("failures")));
    }

    @Test
    void atTheCapTheRestOfARuleIsSummedUpInOneCaseThatStillFails() throws Exception {
        AuditReport report = ReportFixtures.demo("en");
        ReportOptions three = new ReportOptions(null, 10, 3, ReportOptions.DEFAULT_MARKDOWN_MAX_BYTES, false);
        List<String> failingSuites = failingSuites(parse(new JUnitReporter().write(report, output)));

        Document capped = parse(new JUnitReporter().write(report, output, three));

        List<Element> cases = elements(capped.getElementsByTagName("testcase"));
        assertThat(cases).filteredOn(c -> c.getAttribute("name").contains("(i-")).hasSize(3).allSatisfy(c ->
                assertThat(((Element) c.getElementsByTagName("failure").item(0)).getAttribute("type"))
                        .as("the most severe are listed").isEqualTo("CRITICAL"));
        assertThat(cases).filteredOn(c -> c.getAttribute("name").contains("left out")).isNotEmpty()
                .allSatisfy(summed -> assertThat(summed.getTextContent()).as("texts of left-out findings are not repeated")
                        .doesNotContain("Evidence:", "Remediation:"));
        assertThat(failingSuites(capped)).as("every rule with an open finding still fails").isEqualTo(failingSuites);
        assertThat(new JUnitReporter().leftOut(report, three)).startsWith("junit.xml lists the 3 most severe of 12 "
                + "test cases with findings (junitMaxTestCases)");
        assertThat(new JUnitReporter().leftOut(report, ReportOptions.DEFAULTS)).isNull();
    }

    private static List<String> failingSuites(Document xml) {
        return elements(xml.getElementsByTagName("testsuite")).stream()
                .filter(suite -> !suite.getAttribute("failures").equals("0")).map(s -> s.getAttribute("name")).toList();
    }

    @Test
    void aRuleThatFoundNothingPasses() throws Exception {
        Element root = parse(new JUnitReporter().write(ReportFixtures.clean("en", Severity.HIGH), output)).getDocumentElement();
        List<Element> cases = elements(root.getElementsByTagName("testcase"));
        assertThat(cases).hasSize(ReportFixtures.rules().size())
                .allSatisfy(c -> {
                    assertThat(c.getAttribute("name")).isEqualTo(JUnitReporter.NO_FINDINGS);
                    assertThat(c.getChildNodes().getLength()).isZero();
                });
        assertThat(root.getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void markupAndControlCharactersFromTheInventoryStayText() throws Exception {
        Document xml = parse(new JUnitReporter().write(ReportFixtures.hostile("en"), output));
        List<String> names = elements(xml.getElementsByTagName("testcase")).stream().map(c -> c.getAttribute("name")).toList();
        assertThat(names).contains(ReportFixtures.HOSTILE_NAME + " (i-0a1b2c3d4e5f60001)");
        assertThat(JUnitReporter.xmlSafe("a\u0001b\tc\uD83D\uDE00")).isEqualTo("a\uFFFDb\tc\uD83D\uDE00");
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
