package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Finding;
import io.github.cloudaudit.findings.Severity;
import io.github.cloudaudit.model.Origin;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A baseline is written sorted by stable fingerprints and read back to the same entries. */
class BaselineFileTest {

    @TempDir
    Path dir;

    private static Finding finding(String rule, String id, String message) {
        return new Finding(rule, Severity.MEDIUM, Provider.AWS, "111122223333", "eu-north-1", id, null, message,
                List.of(), true, Origin.file("inventory.json"), List.of(), null);
    }

    @Test
    void roundTripsSortedAndIgnoresWhatChangesBetweenRuns() throws IOException {
        Path file = dir.resolve("nested/cloud-audit-baseline.yml");
        List<Finding> findings = List.of(finding("stale-server", "i-2", "launched 1,100 days ago"),
                finding("legacy-os", "i-1", "m"), finding("stale-server", "i-2", "duplicate"));

        BaselineFile.write(file, findings, LocalDate.of(2026, 11, 23));
        Baseline read = BaselineFile.read(file);

        assertThat(read.entries()).hasSize(2).isSortedAccordingTo(java.util.Comparator.comparing(BaselineEntry::fingerprint));
        assertThat(read.entries()).extracting(BaselineEntry::rule).containsExactlyInAnyOrder("stale-server", "legacy-os");
        assertThat(read.entries().get(0).account()).isEqualTo("111122223333");
        Finding nextRun = finding("stale-server", "i-2", "launched 1,101 days ago");
        assertThat(read.byFingerprint()).containsKey(nextRun.fingerprint());
        assertThat(Files.readString(file)).startsWith("# Findings accepted on 2026-11-23").doesNotContain("launched");

        BaselineFile.write(file, List.of(findings.get(1), findings.get(0)), LocalDate.of(2026, 11, 23));
        assertThat(BaselineFile.read(file)).isEqualTo(read);
    }

    @Test
    void aBrokenEntryNamesItself() throws IOException {
        Path file = Files.writeString(dir.resolve("b.yml"), """
                baseline:
                  - fingerprint: 0123456789abcdef0123456789abcdef
                  - fingerprint: not-a-hash
                """);
        assertThatThrownBy(() -> BaselineFile.read(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("baseline entry #2").hasMessageContaining("32 hexadecimal digits");
        Path empty = Files.writeString(dir.resolve("c.yml"), "findings: []\n");
        assertThatThrownBy(() -> BaselineFile.read(empty)).hasMessageContaining("'baseline' list");
    }
}
