package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Provider;

/**
 * {@code aws rds describe-db-clusters}: a cluster's engine and version, for its member DB instances. A cluster is
 * no server of its own: its members are listed by {@code describe-db-instances}, and counting the cluster too would
 * count every Aurora database twice.
 */
public final class RdsDbClustersReader extends AwsCliReader {

    public RdsDbClustersReader() {
        super("rds describe-db-clusters", "DBClusters");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, cluster) -> {
            if (cluster.text("DBClusterIdentifier") == null) {
                throw cluster.fail("to have a DBClusterIdentifier");
            }
            DatabaseEngine engine = RdsDbInstancesReader.engine(cluster.text("Engine"), cluster.text("EngineVersion"));
            if (engine == null) {
                return;
            }
            for (AwsItem member : cluster.list("DBClusterMembers")) {
                String instanceId = member.text("DBInstanceIdentifier");
                if (instanceId == null) {
                    throw member.fail("to have a DBInstanceIdentifier");
                }
                listing.builder().installedEngine(Provider.AWS, instanceId, engine);
            }
        };
    }
}
