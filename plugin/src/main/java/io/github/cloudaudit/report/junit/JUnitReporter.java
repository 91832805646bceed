package io.github.cloudaudit.report.junit;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.policy.BaselineComparison;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.CappedFindings;
import io.github.cloudaudit.report.ReportOptions;
import io.github.cloudaudit.report.Reporter;
import io.github.cloudaudit.text.SafeText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code junit.xml} so CI servers show the audit where they show tests: one suite per rule, one test case
 * per rule and resource. A case fails for open findings and is skipped when every finding on it is suppressed; a rule
 * with no findings gets one passing case, so a clean audit still shows what was checked. At most
 * {@code junitMaxTestCases} cases with findings are listed one by one, the most severe first; the rest of a rule's
 * are summed up in one case that fails if any of them is open, so a capped file never looks cleaner.
 */
public final class JUnitReporter implements Reporter {

    public static final String FILE_NAME = "junit.xml";
    /** The name of the passing case of a rule that found nothing. */
    static final String NO_FINDINGS = "no findings";
    private static final int BUFFER = 64 * 1024;

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory) throws IOException {
        return write(report, outputDirectory, ReportOptions.DEFAULTS);
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory, ReportOptions options) throws IOException {
        Path file = outputDirectory.resolve(FILE_NAME);
        Set<String> shown = shownCases(report, options.junitMaxTestCases());
        Map<String, List<TestCase>> suites = new LinkedHashMap<>();
        suites(report).forEach((ruleId, cases) -> suites.put(ruleId, written(ruleId, cases, shown)));
        Map<String, RuleMetadata> rules = report.rules().stream()
                .collect(Collectors.toMap(RuleMetadata::id, r -> r, (a, b) -> a));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "cloud-audit");
            writeCounts(xml, suites.values().stream().flatMap(List::stream).toList(),
                    report.metadata().duration() == null ? 0 : report.metadata().duration().toMillis() / 1000.0,
                    report.result().baseline());
            for (Map.Entry<String, List<TestCase>> suite : suites.entrySet()) {
                writeSuite(xml, suite.getKey(), suite.getValue(), rules.get(suite.getKey()), report);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    @Override
    public String leftOut(AuditReport report, ReportOptions options) {
        long cases = suites(report).values().stream().mapToLong(Map::size).sum();
        long left = cases - Math.min(cases, options.junitMaxTestCases());
        return left == 0 ? null : String.format(Locale.ROOT, "%s lists the %,d most severe of %,d test cases with "
                + "findings (junitMaxTestCases); the other %,d are summed up in one case per rule.", FILE_NAME,
                cases - left, cases, left);
    }

    /**
     * The rule and resource pairs that get a test case of their own, at most the cap: those of the most severe
     * findings on the servers most at risk first (the order of {@link CappedFindings}).
     */
    private static Set<String> shownCases(AuditReport report, int max) {
        Set<String> shown = new HashSet<>();
        for (Finding finding : CappedFindings.of(report, Integer.MAX_VALUE).kept()) {
            if (shown.size() == max) {
                break;
            }
            shown.add(caseKey(finding.ruleId(), caseName(finding)));
        }
        return shown;
    }

    /**
     * One test case: its name and the findings that decide whether it passes, fails or is skipped.
     *
     * @param summed true for the case that sums up the cases left out at the cap: it counts their findings but does
     *               not repeat their texts, which would make the file as large as the cap is meant to keep it from
     */
    private record TestCase(String name, List<Finding> findings, boolean summed) {

        TestCase(String name, List<Finding> findings) {
            this(name, findings, false);
        }
    }

    /**
     * A suite's test cases: the shown ones, then the rest summed up in one case, so that a left-out open finding
     * still fails its suite; a rule that found nothing has one passing case.
     */
    private static List<TestCase> written(String ruleId, Map<String, List<Finding>> cases, Set<String> shown) {
        if (cases.isEmpty()) {
            return List.of(new TestCase(NO_FINDINGS, List.of()));
        }
        List<TestCase> written = new ArrayList<>();
        List<Finding> leftOut = new ArrayList<>();
        int leftOutCases = 0;
        for (Map.Entry<String, List<Finding>> testCase : cases.entrySet()) {
            if (shown.contains(caseKey(ruleId, testCase.getKey()))) {
                written.add(new TestCase(testCase.getKey(), testCase.getValue()));
            } else {
                leftOut.addAll(testCase.getValue());
                leftOutCases++;
            }
        }
        if (leftOutCases > 0) {
            written.add(new TestCase(String.format(Locale.ROOT, "%,d more resources, left out to keep the file "
                    + "small (junitMaxTestCases); findings.json lists them", leftOutCases), leftOut, true));
        }
        return written;
    }

    private static String caseKey(String ruleId, String caseName) {
        return ruleId + "\n" + caseName;
    }

    /** Rule id to resource to its findings; rules are sorted, resources in the order found. */
    private static Map<String, Map<String, List<Finding>>> suites(AuditReport report) {
        Map<String, Map<String, List<Finding>>> suites = new TreeMap<>();
        report.rules().forEach(rule -> suites.put(rule.id(), new LinkedHashMap<>()));
        for (Finding finding : report.result().findings()) {
            suites.computeIfAbsent(finding.ruleId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(caseName(finding), name -> new ArrayList<>()).add(finding);
        }
        return suites;
    }

    /** The resource as people know it: its name and, when different, its id. */
    static String caseName(Finding finding) {
        String id = Objects.requireNonNullElse(finding.resourceId(), "(audit)");
        return finding.resourceName() == null || finding.resourceName().equals(id) ? id
                : finding.resourceName() + " (" + id + ")";
    }

    private static void writeSuite(XMLStreamWriter xml, String ruleId, List<TestCase> cases,
                                   RuleMetadata rule, AuditReport report) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xmlSafe(ruleId));
        writeCounts(xml, cases, 0, report.result().baseline());
        if (report.metadata().generatedAt() != null) {
            xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    report.metadata().generatedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        }
        for (TestCase testCase : cases) {
            writeCase(xml, ruleId, testCase, rule, report.result().baseline());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** A finding fails its case when it is neither suppressed nor accepted in the baseline. */
    private static boolean open(Finding finding, BaselineComparison baseline) {
        return !finding.suppressed() && baseline.isNew(finding);
    }

    private static void writeCase(XMLStreamWriter xml, String ruleId, TestCase testCase, RuleMetadata rule,
                                  BaselineComparison baseline) throws XMLStreamException {
        List<Finding> findings = testCase.findings();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlSafe(ruleId));
        xml.writeAttribute("name", xmlSafe(SafeText.neutralize(testCase.name())));
        xml.writeAttribute("time", "0");
        List<Finding> open = findings.stream().filter(f -> open(f, baseline)).toList();
        if (!open.isEmpty()) {
            Finding worst = open.stream().min((a, b) -> a.severity().compareTo(b.severity())).orElseThrow();
            String leftOut = String.format(Locale.ROOT, "%,d open finding(s) on the resources left out here; "
                    + "findings.json lists them all.", open.size());
            xml.writeStartElement("failure");
            xml.writeAttribute("message", testCase.summed() ? leftOut : xmlSafe(SafeText.neutralize(
                    open.stream().map(Finding::message).collect(Collectors.joining(" ")))));
            xml.writeAttribute("type", worst.severity().name());
            xml.writeCharacters(testCase.summed() ? leftOut : xmlSafe(details(open, rule)));
            xml.writeEndElement();
        } else if (testCase.summed()) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", "left out; each is suppressed or accepted in the baseline");
        } else if (findings.stream().anyMatch(f -> !f.suppressed())) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", "accepted in the baseline");
        } else if (!findings.isEmpty()) {
            Finding suppressed = findings.get(0);
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", xmlSafe(SafeText.neutralize("suppressed: " + suppressed.suppression().justification()
                    + (suppressed.suppression().expires() == null ? "" : " (until " + suppressed.suppression().expires() + ")"))));
        }
        xml.writeEndElement();
    }

    /** The failure's body: where, the evidence and what to do. */
    private static String details(List<Finding> open, RuleMetadata rule) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : open) {
            // Each line is one of ours: what the inventory wrote is neutralized, so it cannot add lines of its own.
            text.append(finding.severity()).append(": ").append(SafeText.neutralize(finding.message())).append('\n');
            if (finding.provider() != null) {
                text.append("Where: ").append(finding.provider()).append(' ')
                        .append(SafeText.neutralize(finding.account()))
                        .append(finding.region() == null ? "" : " " + SafeText.neutralize(finding.region())).append('\n');
            }
            finding.evidence().forEach(e -> text.append("Evidence: ").append(SafeText.neutralize(e)).append('\n'));
        }
        if (rule != null) {
            text.append("Remediation: ").append(rule.remediation()).append('\n');
        }
        return text.toString();
    }

    /**
     * Text XML 1.0 can hold: the writer escapes markup characters, but control characters cannot be escaped at
     * all, so they become U+FFFD rather than making the file unreadable.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> safe.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
                ? c : 0xFFFD));
        return safe.toString();
    }

    /**
     * tests, failures, errors and skipped over test cases (one without findings passes); a case whose findings are
     * all suppressed or accepted in the baseline is skipped.
     */
    private static void writeCounts(XMLStreamWriter xml, List<TestCase> cases, double seconds,
                                    BaselineComparison baseline) throws XMLStreamException {
        long failures = cases.stream().filter(c -> c.findings().stream().anyMatch(f -> open(f, baseline))).count();
        long skipped = cases.stream().filter(c -> !c.findings().isEmpty()
                && c.findings().stream().noneMatch(f -> open(f, baseline))).count();
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", String.valueOf(seconds));
    }
}
