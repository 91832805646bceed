package io.github.cloudaudit.mojo;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An inventory written to speak through the audit: line breaks, terminal escapes and CI workflow commands in a tag
 * value and a server name, and a server name of a megabyte. Nothing of it may start a line of the build log or of a
 * text report, and no report may grow with the length of the name.
 */
class HostileTextInOutputsTest {

    private static final String FORGED = "db\r\n[INFO] BUILD SUCCESS\n::error file=x::forged\r##vso[task.complete result=Succeeded]\u001b[2J\u0085x";
    private static final List<String> FORGERIES = List.of("[INFO] BUILD SUCCESS", "::error", "##vso[");
    private static final int HUGE = 1_000_000;

    @TempDir
    Path work;

    /** Every line the mojo logs, with the level Maven would print before it. */
    private final List<String> logged = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void noInventoryTextStartsALineOfTheLogOrATextReport(String language) throws Exception {
        Path output = work.resolve("out");
        AuditMojo mojo = mojo(inventory(FORGED, FORGED), output, language);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .satisfies(failure -> assertNoForgedLine(failure.getMessage()));

        assertThat(logged).isNotEmpty().allSatisfy(HostileTextInOutputsTest::assertNoForgedLine)
                .noneMatch(line -> line.contains("0 servers were audited"));
        assertThat(String.join("\n", logged)).contains("\\u000d\\u000a[INFO] BUILD SUCCESS\\u000a::error");
        for (String report : List.of("summary.md", "junit.xml", "report.html")) {
            String text = Files.readString(output.resolve(report));
            assertThat(text).as(report).doesNotContain("\u001b", "\r", "\u0085");
            assertNoForgedLine(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void reportsDoNotGrowWithTheLengthOfAName(String language) throws Exception {
        Path output = work.resolve("out");
        String huge = "n".repeat(HUGE);
        AuditMojo mojo = mojo(inventory(huge, huge), output, language);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .satisfies(failure -> assertThat(failure.getMessage().length()).isLessThan(20_000));

        assertThat(logged).allSatisfy(line -> assertThat(line.length()).isLessThan(5_000));
        try (Stream<Path> reports = Files.list(output)) {
            for (Path report : reports.toList()) {
                // findings.json keeps the three full values (name, tags Name and note) once, with the resource.
                long limit = report.getFileName().toString().equals("findings.json") ? 3L * HUGE + 200_000 : 300_000;
                assertThat(Files.size(report)).as(report.getFileName().toString()).isLessThan(limit);
            }
        }
        assertThat(Files.readString(output.resolve("findings.json"))).as("the full value, in the resources")
                .contains(huge);
    }

    private static void assertNoForgedLine(String text) {
        for (String line : text.split("\r\n|\r|\n|\u0085|\u2028|\u2029", -1)) {
            String stripped = line.replaceFirst("^\\[(INFO|WARNING|ERROR)\\] ", "");
            for (String forgery : FORGERIES) {
                assertThat(line).as("a line of output").doesNotStartWith(forgery);
                assertThat(stripped.startsWith(forgery) && !line.equals(stripped) && line.startsWith("[INFO] BUILD"))
                        .isFalse();
            }
        }
    }

    /** A normalized inventory with one legacy database server that carries the text as its name and a tag. */
    private Path inventory(String name, String tag) throws IOException {
        String json = """
                {"schemaVersion": 1, "servers": [{"provider": "aws", "id": "i-0abc", "name": NAME, "account": "123456789012",
                 "region": "eu-north-1", "type": "m3.large", "state": "running", "launchedOn": "2015-01-01",
                 "os": {"product": "ubuntu", "version": "14.04"}, "engine": {"product": "mysql", "version": "5.6"},
                 "tags": {"Name": NAME, "note": TAG}}]}
                """.replace("NAME", quoted(name)).replace("TAG", quoted(tag));
        Path folder = Files.createDirectories(work.resolve("inventory"));
        return Files.writeString(folder.resolve("servers.json"), json);
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> json.append(c < 0x20 || c == 0x85 || c == '"' || c == '\\'
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return json.append('"').toString();
    }

    /** The mojo writing every format, its human-readable reports in the given language. */
    private AuditMojo mojo(Path inventory, Path output, String language) {
        AuditMojo mojo = AuditMojoReportsTest.configured(inventory, output);
        MojoFields.set(mojo, "formats", List.of("all"));
        MojoFields.set(mojo, "locale", language);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add("[INFO] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                logged.add("[WARNING] " + content);
            }
        });
        return mojo;
    }
}
