package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder.Links;

import java.util.List;
import java.util.Locale;

/** {@code aws rds describe-db-instances}: each DB instance (Aurora cluster members included) is a managed database. */
public final class RdsDbInstancesReader extends AwsCliReader {

    public RdsDbInstancesReader() {
        super("rds describe-db-instances", "DBInstances");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, db) -> {
            String id = db.text("DBInstanceIdentifier");
            if (id == null) {
                throw db.fail("to have a DBInstanceIdentifier");
            }
            String arn = db.text("DBInstanceArn");
            String vpc = db.text("DBSubnetGroup", "VpcId");
            Integer monitoringInterval = db.integer("MonitoringInterval");
            Server.Builder server = Server.builder()
                    .provider(Provider.AWS).kind(ResourceKind.MANAGED_DATABASE).id(id).name(id)
                    .account(listing.account(Arn.accountOf(arn)))
                    .region(listing.region(Arn.regionOf(arn)))
                    .type(db.text("DBInstanceClass"))
                    .state(state(db.text("DBInstanceStatus")))
                    .launchedOn(db.date("InstanceCreateTime"))
                    .engine(engine(db.text("Engine"), db.text("EngineVersion")))
                    .tags(db.tags("TagList"))
                    .networkIds(vpc == null ? List.of() : List.of(vpc))
                    .publiclyAccessible(db.bool("PubliclyAccessible"))
                    // Enhanced monitoring: an interval of 0 turns it off.
                    .monitoring(new Monitoring(null, monitoringInterval == null ? null : monitoringInterval > 0, null))
                    .origin(db.origin());
            listing.builder().server(server, new Links(null, db.texts("VpcSecurityGroups", "VpcSecurityGroupId")));
        };
    }

    private static PowerState state(String status) {
        if ("available".equals(status)) {
            return PowerState.RUNNING;
        }
        return "stopped".equals(status) ? PowerState.STOPPED : PowerState.OTHER;
    }

    /**
     * The lifecycle product behind an RDS engine name. Editions collapse to their product
     * ({@code sqlserver-ee}, {@code oracle-se2}); Aurora versions such as {@code 8.0.mysql_aurora.3.04.0} keep the
     * community version they are compatible with.
     */
    static DatabaseEngine engine(String engine, String version) {
        if (engine == null) {
            return null;
        }
        String name = engine.toLowerCase(Locale.ROOT);
        if (name.startsWith("aurora")) {
            String compatible = version == null ? null : version.replaceFirst("\\.mysql_aurora\\..*$", "");
            return new DatabaseEngine(name.contains("postgres") ? "postgresql" : "mysql", compatible);
        }
        String product;
        if (name.contains("sqlserver")) {
            product = "sqlserver";
        } else if (name.contains("oracle")) {
            product = "oracle";
        } else if (name.startsWith("postgres")) {
            product = "postgresql";
        } else if (name.startsWith("db2")) {
            product = "db2";
        } else {
            product = name;
        }
        return new DatabaseEngine(product, version);
    }
}
