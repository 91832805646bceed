package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;

/**
 * {@code aws ssm describe-instance-information}: the instances whose Systems Manager agent reports in. Only
 * {@code Online} counts; {@code ConnectionLost} means the agent stopped reporting. The output names no account
 * or region, so they come from the folders.
 */
public final class SsmInstanceInformationReader extends AwsCliReader {

    public SsmInstanceInformationReader() {
        super("ssm describe-instance-information", "InstanceInformationList");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        AwsLocation where = listing.location(null, null);
        return new ListingHandler() {
            @Override
            public void item(String key, AwsItem instance) {
                String id = instance.text("InstanceId");
                if (id != null && "Online".equals(instance.text("PingStatus"))) {
                    listing.builder().agentReporting(Provider.AWS, id);
                }
            }

            @Override
            public void end() {
                listing.complete(where, listing.builder()::agentsCollected);
            }
        };
    }
}
