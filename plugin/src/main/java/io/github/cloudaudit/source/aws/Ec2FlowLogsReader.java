package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;

/**
 * {@code aws ec2 describe-flow-logs}: which VPCs (and subnets and network interfaces) have an active flow log.
 * The listing covers one account and region, so a VPC of that account and region missing from it has none.
 */
public final class Ec2FlowLogsReader extends AwsCliReader {

    public Ec2FlowLogsReader() {
        super("ec2 describe-flow-logs", "FlowLogs");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return new ListingHandler() {
            private String dataAccount;
            private String dataRegion;

            @Override
            public void item(String key, AwsItem flowLog) {
                String resource = flowLog.text("ResourceId");
                // A flow log whose delivery fails records nothing anyone can read.
                if (resource != null && "ACTIVE".equals(flowLog.text("FlowLogStatus"))
                        && !"FAILED".equals(flowLog.text("DeliverLogsStatus"))) {
                    listing.builder().flowLog(Provider.AWS, resource);
                }
                String destination = flowLog.text("LogDestination");
                if (dataAccount == null) {
                    String destinationAccount = Arn.accountOf(destination);
                    dataAccount = destinationAccount != null ? destinationAccount
                            : Arn.accountOf(flowLog.text("DeliverLogsPermissionArn"));
                }
                if (dataRegion == null) {
                    dataRegion = Arn.regionOf(destination);
                }
            }

            @Override
            public void end() {
                // The ARNs are of the log destination and delivery role, which may live elsewhere: folders first.
                String account = listing.placeAccount();
                String region = listing.placeRegion();
                AwsLocation where = listing.location(account != null ? account : dataAccount,
                        region != null ? region : dataRegion);
                listing.complete(where, listing.builder()::flowLogsCollected);
            }
        };
    }
}
