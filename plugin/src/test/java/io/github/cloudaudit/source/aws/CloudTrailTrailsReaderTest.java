package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.US;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.cases;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.estate;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.scope;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudTrailTrailsReaderTest {

    private static final Path MULTI_REGION = estate().resolve(ACCOUNT).resolve(EU).resolve("cloudtrail-describe-trails.json");

    @TempDir
    Path dir;

    @Test
    void aMultiRegionTrailCoversItsWholeAccountWhereverTheFileIs() throws IOException {
        Inventory inventory = load(copy(MULTI_REGION, dir));

        assertThat(inventory.scopes()).singleElement().satisfies(account -> {
            assertThat(account.account()).isEqualTo(ACCOUNT);
            assertThat(account.region()).isNull();
            assertThat(account.auditTrail()).isTrue();
        });
    }

    @Test
    void aSingleRegionTrailCoversItsHomeRegionAndAnEmptyListingNone() throws IOException {
        Inventory inventory = load(cases());

        assertThat(scope(inventory, ACCOUNT, EU).auditTrail()).isTrue();
        assertThat(scope(inventory, ACCOUNT, US).auditTrail()).isFalse();
        assertThat(inventory.scopes()).noneMatch(s -> s.region() == null);
    }

    @Test
    void aRegionThatNoListedTrailCoversHasNone() throws IOException {
        copy(casesFile(EU, "cloudtrail-describe-trails.json"), dir, ACCOUNT, US);

        Inventory inventory = load(dir);

        assertThat(scope(inventory, ACCOUNT, EU).auditTrail()).isTrue();
        assertThat(scope(inventory, ACCOUNT, US).auditTrail()).isFalse();
    }

    @Test
    void anOrganizationTrailAlsoCoversTheMemberAccountWhoseFoldersHoldIt() throws IOException {
        variant(MULTI_REGION, dir, root -> {
            ObjectNode trail = (ObjectNode) root.get("trailList").get(0);
            trail.put("IsOrganizationTrail", true);
            trail.put("TrailARN", "arn:aws:cloudtrail:eu-north-1:999999999999:trail/org-trail");
        }, ACCOUNT, EU);

        Inventory inventory = load(dir);

        assertThat(scope(inventory, "999999999999", null).auditTrail()).isTrue();
        assertThat(scope(inventory, ACCOUNT, null).auditTrail()).isTrue();
    }

    @Test
    void anEmptyListingOutsideRegionFoldersIsAClearError() {
        copy(casesFile(US, "cloudtrail-describe-trails.json"), dir);

        assertThatThrownBy(() -> load(dir))
                .isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("cloudtrail describe-trails output carries no account or region");
    }
}
