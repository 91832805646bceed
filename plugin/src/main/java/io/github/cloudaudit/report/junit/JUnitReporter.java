package io.github.cloudaudit.report.junit;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.RuleMetadata;
import io.github.cloudaudit.policy.BaselineComparison;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.Reporter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code junit.xml} so CI servers show the audit where they show tests: one suite per rule, one test case
 * per rule and resource. A case fails for open findings and is skipped when every finding on it is suppressed; a rule
 * with no findings gets one passing case, so a clean audit still shows what was checked.
 */
public final class JUnitReporter implements Reporter {

    public static final String FILE_NAME = "junit.xml";
    /** The name of the passing case of a rule that found nothing. */
    static final String NO_FINDINGS = "no findings";

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public Path write(AuditReport report, Path outputDirectory) throws IOException {
        Path file = outputDirectory.resolve(FILE_NAME);
        Map<String, Map<String, List<Finding>>> suites = suites(report);
        Map<String, RuleMetadata> rules = report.rules().stream()
                .collect(Collectors.toMap(RuleMetadata::id, r -> r, (a, b) -> a));
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "cloud-audit");
            writeCounts(xml, suites.values().stream().flatMap(cases -> cases(cases).stream()).toList(),
                    report.metadata().duration() == null ? 0 : report.metadata().duration().toMillis() / 1000.0,
                    report.result().baseline());
            for (Map.Entry<String, Map<String, List<Finding>>> suite : suites.entrySet()) {
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

    private static void writeSuite(XMLStreamWriter xml, String ruleId, Map<String, List<Finding>> cases,
                                   RuleMetadata rule, AuditReport report) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xmlSafe(ruleId));
        writeCounts(xml, cases(cases), 0, report.result().baseline());
        if (report.metadata().generatedAt() != null) {
            xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    report.metadata().generatedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        }
        if (cases.isEmpty()) {
            writeCase(xml, ruleId, NO_FINDINGS, List.of(), rule, report.result().baseline());
        }
        for (Map.Entry<String, List<Finding>> testCase : cases.entrySet()) {
            writeCase(xml, ruleId, testCase.getKey(), testCase.getValue(), rule, report.result().baseline());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** A finding fails its case when it is neither suppressed nor accepted in the baseline. */
    private static boolean open(Finding finding, BaselineComparison baseline) {
        return !finding.suppressed() && baseline.isNew(finding);
    }

    private static void writeCase(XMLStreamWriter xml, String ruleId, String name, List<Finding> findings,
                                  RuleMetadata rule, BaselineComparison baseline) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", xmlSafe(ruleId));
        xml.writeAttribute("name", xmlSafe(name));
        xml.writeAttribute("time", "0");
        List<Finding> open = findings.stream().filter(f -> open(f, baseline)).toList();
        if (!open.isEmpty()) {
            Finding worst = open.stream().min((a, b) -> a.severity().compareTo(b.severity())).orElseThrow();
            xml.writeStartElement("failure");
            xml.writeAttribute("message", xmlSafe(open.stream().map(Finding::message).collect(Collectors.joining(" "))));
            xml.writeAttribute("type", worst.severity().name());
            xml.writeCharacters(xmlSafe(details(open, rule)));
            xml.writeEndElement();
        } else if (findings.stream().anyMatch(f -> !f.suppressed())) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", "accepted in the baseline");
        } else if (!findings.isEmpty()) {
            Finding suppressed = findings.get(0);
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", xmlSafe("suppressed: " + suppressed.suppression().justification()
                    + (suppressed.suppression().expires() == null ? "" : " (until " + suppressed.suppression().expires() + ")")));
        }
        xml.writeEndElement();
    }

    /** The failure's body: where, the evidence and what to do. */
    private static String details(List<Finding> open, RuleMetadata rule) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : open) {
            text.append(finding.severity()).append(": ").append(finding.message()).append('\n');
            if (finding.provider() != null) {
                text.append("Where: ").append(finding.provider()).append(' ').append(finding.account())
                        .append(finding.region() == null ? "" : " " + finding.region()).append('\n');
            }
            finding.evidence().forEach(e -> text.append("Evidence: ").append(e).append('\n'));
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

    /** A suite's test cases as their findings; a rule that found nothing has one passing case. */
    private static List<List<Finding>> cases(Map<String, List<Finding>> suite) {
        return suite.isEmpty() ? List.of(List.of()) : List.copyOf(suite.values());
    }

    /**
     * tests, failures, errors and skipped over test cases given by their findings (empty = a passing case); a case
     * whose findings are all suppressed or accepted in the baseline is skipped.
     */
    private static void writeCounts(XMLStreamWriter xml, List<List<Finding>> cases, double seconds,
                                    BaselineComparison baseline) throws XMLStreamException {
        long failures = cases.stream().filter(c -> c.stream().anyMatch(f -> open(f, baseline))).count();
        long skipped = cases.stream().filter(c -> !c.isEmpty() && c.stream().noneMatch(f -> open(f, baseline))).count();
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", String.valueOf(seconds));
    }
}
