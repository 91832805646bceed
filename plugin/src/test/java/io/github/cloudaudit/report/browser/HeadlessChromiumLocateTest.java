package io.github.cloudaudit.report.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the browser tests find Chromium and its driver on machines other than Debian. */
class HeadlessChromiumLocateTest {

    @TempDir
    Path work;

    private Path executable(String folder, String name) throws IOException {
        Path file = Files.createDirectories(work.resolve(folder)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theVariableWinsOverThePath() throws IOException {
        Path snap = executable("snap", "chromium.chromedriver");
        Path named = executable("custom", "my-driver");
        Map<String, String> environment = Map.of("PATH", snap.getParent().toString(), "CHROMEDRIVER", named.toString());

        assertThat(HeadlessChromium.locate("CHROMEDRIVER", HeadlessChromium.DRIVER_NAMES, environment)).isEqualTo(named);
    }

    @Test
    void findsTheFirstKnownNameOnThePathInPathOrder() throws IOException {
        Path fedora = executable("fedora", "chromium-browser");
        executable("later", "chromium");
        Path notExecutable = Files.createDirectories(work.resolve("plain")).resolve("chromium");
        Files.writeString(notExecutable, "");
        String path = String.join(File.pathSeparator, work.resolve("plain").toString(), fedora.getParent().toString(),
                work.resolve("later").toString());

        assertThat(HeadlessChromium.locate("CHROME_BIN", List.of("chromium", "chromium-browser"), Map.of("PATH", path)))
                .isEqualTo(work.resolve("later").resolve("chromium"));
        assertThat(HeadlessChromium.locate("CHROME_BIN", List.of("chromium-browser"), Map.of("PATH", path)))
                .isEqualTo(fedora);
    }

    @Test
    void aVariableNamingNoExecutableIsAnErrorNotAFallback() throws IOException {
        executable("bin", "chromium");
        Map<String, String> environment = Map.of("PATH", work.resolve("bin").toString(),
                "CHROME_BIN", work.resolve("missing").toString());

        assertThatThrownBy(() -> HeadlessChromium.locate("CHROME_BIN", HeadlessChromium.BROWSER_NAMES, environment))
                .hasMessageContaining("CHROME_BIN names").hasMessageContaining("missing");
    }

    @Test
    void nothingFoundSaysHowToInstallOrSkip() {
        assertThatThrownBy(() -> HeadlessChromium.locate("CHROME_BIN", HeadlessChromium.BROWSER_NAMES,
                Map.of("PATH", work.toString())))
                .hasMessageContaining("CHROME_BIN is not set").hasMessageContaining("-DexcludedGroups=browser");
    }
}
