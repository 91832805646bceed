package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.US;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.estate;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.scope;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardDutyDetectorsReaderTest {

    private static final Path DETECTORS = estate().resolve(ACCOUNT).resolve(EU).resolve("guardduty-list-detectors.json");

    @TempDir
    Path dir;

    @Test
    void aDetectorTurnsThreatDetectionOnForItsRegionAndNoneTurnsItOff() throws IOException {
        copy(DETECTORS, dir, ACCOUNT, EU);
        copy(estate().resolve(ACCOUNT).resolve(US).resolve("guardduty-list-detectors.json"), dir, ACCOUNT, US);

        Inventory inventory = load(dir);

        assertThat(scope(inventory, ACCOUNT, EU)).satisfies(eu -> {
            assertThat(eu.threatDetectionForServers()).isTrue();
            assertThat(eu.threatDetectionForDatabases()).isTrue();
            assertThat(eu.auditTrail()).isNull();
        });
        assertThat(scope(inventory, ACCOUNT, US)).satisfies(us -> {
            assertThat(us.threatDetectionForServers()).isFalse();
            assertThat(us.threatDetectionForDatabases()).isFalse();
        });
    }

    @Test
    void outsideRegionFoldersTheOutputIsAClearError() {
        copy(DETECTORS, dir, ACCOUNT);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("guardduty-list-detectors.json")
                .hasMessageContaining("guardduty list-detectors output carries no region: put it in a folder named after "
                        + "its account and region, e.g. 123456789012/eu-north-1/");
    }

    @Test
    void aFileGivenByNameHasNoFoldersToTellEither() {
        assertThatThrownBy(() -> load(DETECTORS))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("guardduty list-detectors output carries no account or region");
    }

    @Test
    void detectorIdsMustBeIds() {
        variant(DETECTORS, dir, root -> root.putArray("DetectorIds").addObject().put("DetectorId", "x"), ACCOUNT, EU);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("expected DetectorIds[0] to be an id");
    }
}
