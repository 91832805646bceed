package io.github.cloudaudit.mojo;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit and report goals take the same audit parameters, spelled and defaulted alike, from one base class. */
class PluginDescriptorTest {

    private static final List<String> SHARED = List.of("inventory", "auditDate", "failOnSeverity", "requiredTags",
            "maxServerAgeDays", "stoppedDaysThreshold", "databaseTags", "suppressions", "osLifecycle",
            "databaseLifecycle", "templateDirectory", "skip", "locale");

    @Test
    void sharedParametersMatchBetweenTheGoals() throws Exception {
        Map<String, String> audit = configuration("audit");
        Map<String, String> report = configuration("report");
        for (String parameter : SHARED) {
            assertThat(report.get(parameter)).as(parameter).isNotNull().isEqualTo(audit.get(parameter));
        }
        assertThat(audit.get("maxServerAgeDays")).as("unset rule settings take the rule's own default")
                .isEqualTo("${cloudaudit.maxServerAgeDays} default=null");
    }

    /** A goal's parameters as "expression default=value". */
    private static Map<String, String> configuration(String goal) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("target", "classes", "META-INF", "maven", "plugin.xml").toFile()).getDocumentElement();
        NodeList mojos = root.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (mojo.getElementsByTagName("goal").item(0).getTextContent().equals(goal)) {
                Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
                Map<String, String> parameters = new LinkedHashMap<>();
                NodeList children = configuration.getChildNodes();
                for (int c = 0; c < children.getLength(); c++) {
                    if (children.item(c) instanceof Element parameter) {
                        parameters.put(parameter.getTagName(), parameter.getTextContent() + " default="
                                + (parameter.hasAttribute("default-value") ? parameter.getAttribute("default-value") : "null"));
                    }
                }
                return parameters;
            }
        }
        throw new AssertionError("no goal " + goal + " in plugin.xml");
    }
}
