package io.github.cloudaudit.policy;

import io.github.cloudaudit.findings.Suppression;
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

class SuppressionFileTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("suppressions.yaml"), yaml);
    }

    @Test
    void readsEntriesWithOptionalExpiry() throws IOException {
        List<Suppression> read = SuppressionFile.read(write("""
                suppressions:
                  - rule: db-exposed
                    resource: partner-*
                    justification: private link pending (NET-482)
                    expires: 2027-03-31
                  - rule: orphan-no-owner
                    resource: i-0abc
                    justification: owned by platform, tagging in progress
                """));
        assertThat(read).hasSize(2);
        assertThat(read.get(0).expires()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(read.get(1).expires()).isNull();
        assertThat(read.get(1).origin()).isEqualTo("suppressions.yaml suppression #2");
    }

    @Test
    void readsWhereATicketAndScopeNarrowIt() throws IOException {
        Suppression read = SuppressionFile.read(write("""
                suppressions:
                  - rule: monitoring-*
                    resource: "*"
                    justification: test accounts are watched by the sandbox team
                    ticket: OPS-77
                    provider: aws
                    account: ["1111*", "222233334444"]
                    region: eu-*
                    tags: {env: test*}
                """)).get(0);
        assertThat(read.ticket()).isEqualTo("OPS-77");
        assertThat(read.providers()).containsExactly("aws");
        assertThat(read.accounts()).containsExactly("1111*", "222233334444");
        assertThat(read.regions()).containsExactly("eu-*");
        assertThat(read.tags()).containsEntry("env", "test*");
    }

    @Test
    void tagsMustBeAMap() throws IOException {
        Path file = write("""
                suppressions:
                  - rule: db-exposed
                    resource: "*"
                    justification: x
                    tags: [env]
                """);
        assertThatThrownBy(() -> SuppressionFile.read(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("suppression #1: 'tags' must map tag keys");
    }

    @Test
    void aJustificationIsRequired() throws IOException {
        Path file = write("suppressions:\n  - rule: db-exposed\n    resource: db-1\n");
        assertThatThrownBy(() -> SuppressionFile.read(file))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("suppressions.yaml").hasMessageContaining("suppression #1")
                .hasMessageContaining("justification");
    }

    @Test
    void aBadExpiryDateSaysWhatItExpected() throws IOException {
        Path file = write("suppressions:\n  - rule: a\n    resource: b\n    justification: c\n    expires: next spring\n");
        assertThatThrownBy(() -> SuppressionFile.read(file)).hasMessageContaining("2027-01-31")
                .hasMessageContaining("next spring");
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        Path file = write("suppressions:\n  - rule: [unclosed\n");
        assertThatThrownBy(() -> SuppressionFile.read(file)).isInstanceOf(InventoryFormatException.class)
                .hasMessageMatching("(?s).*suppressions.yaml:\\d+:\\d+: not valid YAML.*");
    }

    @Test
    void aFileWithoutTheListIsRejected() throws IOException {
        Path file = write("rules: []\n");
        assertThatThrownBy(() -> SuppressionFile.read(file)).hasMessageContaining("'suppressions' list");
    }
}
