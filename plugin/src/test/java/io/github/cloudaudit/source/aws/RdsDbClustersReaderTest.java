package io.github.cloudaudit.source.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.source.InventoryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.cloudaudit.source.aws.AwsCliTestSupport.ACCOUNT;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.EU;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.casesFile;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.copy;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.load;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.server;
import static io.github.cloudaudit.source.aws.AwsCliTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fixture is the AWS CLI's output against moto: cluster {@code billing}, aurora-postgresql 11.9, member billing-1. */
class RdsDbClustersReaderTest {

    private static final Path DB_CLUSTERS = casesFile(EU, "rds-describe-db-clusters.json");
    private static final Path DB_INSTANCES = casesFile(EU, "rds-describe-db-instances.json");

    @TempDir
    Path dir;

    /** The estate's instances with orders-1 made a member of the fixture's cluster, its version as given. */
    private Inventory withMember(String instanceVersion) throws IOException {
        copy(DB_CLUSTERS, dir, ACCOUNT, EU);
        variant(DB_INSTANCES, dir, root -> {
            ObjectNode member = (ObjectNode) root.get("DBInstances").get(0);
            member.put("DBInstanceIdentifier", "billing-1").put("Engine", "aurora-postgresql");
            if (instanceVersion == null) {
                member.remove("EngineVersion");
            } else {
                member.put("EngineVersion", instanceVersion);
            }
        }, ACCOUNT, EU);
        return load(dir);
    }

    @Test
    void theClusterGivesAMemberWithoutAVersionItsEngineVersion() throws IOException {
        assertThat(server(withMember(null), "billing-1").engine()).isEqualTo(new DatabaseEngine("postgresql", "11.9"));
    }

    @Test
    void theInstancesOwnVersionStands() throws IOException {
        assertThat(server(withMember("11.22"), "billing-1").engine()).isEqualTo(new DatabaseEngine("postgresql", "11.22"));
    }

    @Test
    void aClusterIsNoServerOfItsOwn() throws IOException {
        Inventory inventory = withMember(null);

        assertThat(inventory.servers()).filteredOn(s -> s.kind() == ResourceKind.MANAGED_DATABASE).hasSize(3);
        assertThat(inventory.servers()).noneMatch(s -> "billing".equals(s.id()));
    }

    @Test
    void clustersAloneAddNoServers() throws IOException {
        assertThat(load(copy(DB_CLUSTERS, dir, ACCOUNT, EU)).servers()).isEmpty();
    }

    @Test
    void aMemberWithoutAnIdentifierIsAClearError() {
        variant(DB_CLUSTERS, dir, root -> ((ObjectNode) root.get("DBClusters").get(0).get("DBClusterMembers").get(0))
                .remove("DBInstanceIdentifier"), ACCOUNT, EU);

        assertThatThrownBy(() -> load(dir)).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("rds-describe-db-clusters.json").hasMessageContaining("DBInstanceIdentifier");
    }
}
