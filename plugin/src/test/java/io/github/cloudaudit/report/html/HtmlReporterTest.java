package io.github.cloudaudit.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cloudaudit.report.AuditReport;
import io.github.cloudaudit.report.ReportFixtures;
import io.github.cloudaudit.report.ReportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReporterTest {

    @TempDir
    Path output;

    @Test
    void writesTheDemoReport() throws IOException {
        Path file = new HtmlReporter().write(ReportFixtures.demo("en"), output, ReportOptions.DEFAULTS);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(file.getFileName().toString()).isEqualTo("report.html");
        assertThat(html).contains("<html lang=\"en\">", "Forgotten databases", "legacy-crm-db");
        JsonNode data = data(html);
        assertThat(data.path("items").path("findings")).hasSize(12);
    }

    static JsonNode data(String html) throws IOException {
        Matcher block = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(block.find()).as("data block present").isTrue();
        return new ObjectMapper().readTree(block.group(1));
    }
}
