package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ThreatFinding;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.first;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.fixture;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardDutyFindingsReaderTest {

    private static final Path FINDINGS = fixture("guardduty/guardduty-get-findings.json");

    @TempDir
    Path dir;

    @Test
    void openFindingsAboutInstancesAreReadAndMiningIsToldApart() throws IOException {
        Inventory inventory = load(FINDINGS);

        assertThat(inventory.threats()).containsExactly(
                new ThreatFinding(Provider.AWS, ACCOUNT, "i-7fe6518491d21f161", "GuardDuty",
                        "CryptoCurrency:EC2/BitcoinTool.B!DNS", true, LocalDate.of(2025, 5, 2),
                        LocalDate.of(2026, 11, 22), 212),
                new ThreatFinding(Provider.AWS, ACCOUNT, "i-f840b6ac7d7b39ce0", "GuardDuty",
                        "Recon:EC2/PortProbeUnprotectedPort", false, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 11, 20), 40));
    }

    @Test
    void theFindingsMeetTheirInstanceByIdAndAccount() throws IOException {
        Path findings = copy(FINDINGS, dir, "findings");
        Path instances = copy(casesFile(EU, "ec2-describe-instances.json"), dir, ACCOUNT, EU);

        Inventory inventory = load(findings, instances);

        assertThat(inventory.threats(server(inventory, "sql-web"))).singleElement()
                .satisfies(t -> assertThat(t.cryptomining()).isTrue());
        assertThat(inventory.threats(server(inventory, "sles-batch"))).singleElement()
                .satisfies(t -> assertThat(t.cryptomining()).as("the mining finding is archived").isFalse());
    }

    @Test
    void aFindingWithoutAccountTakesItFromTheFoldersAndAFindingWithoutTypeIsAnError() throws IOException {
        Path noAccount = variant(FINDINGS, dir.resolve("a"), root -> first(root, "Findings").remove("AccountId"),
                "210987654321", EU);
        assertThat(noAccount).exists();
        assertThat(load(dir.resolve("a")).threats().get(0).account()).isEqualTo("210987654321");

        Path noType = variant(FINDINGS, dir.resolve("b"), root -> first(root, "Findings").remove("Type"));
        assertThatThrownBy(() -> load(noType)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("guardduty-get-findings.json:2:")
                .hasMessageContaining("Findings[0] to have a 'Type'");
    }

    @Test
    void aCountOfTheWrongTypeNamesTheField() {
        Path badCount = variant(FINDINGS, dir, root -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                first(root, "Findings").get("Service")).put("Count", "many"));

        assertThatThrownBy(() -> load(badCount)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("Findings[0].Service.Count to be a whole number");
    }
}
