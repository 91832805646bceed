package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;

/**
 * {@code aws guardduty list-detectors}: GuardDuty is on in an account and region when it has a detector. The
 * output is a bare list of ids, so the account and region come from the folders. A suspended detector is still
 * listed ({@code get-detector} would show its status), so a detector counts as on.
 */
public final class GuardDutyDetectorsReader extends AwsCliReader {

    public GuardDutyDetectorsReader() {
        super("guardduty list-detectors", "DetectorIds");
    }

    @Override
    protected boolean itemsAreObjects() {
        return false;
    }

    @Override
    protected ListingHandler open(Listing listing) {
        AwsLocation where = listing.location(null, null);
        return new ListingHandler() {
            private int detectors;

            @Override
            public void item(String key, AwsItem detectorId) {
                detectors++;
            }

            @Override
            public void end() {
                if (detectors > 0) {
                    listing.builder().scope(new Scope(Provider.AWS, where.account(), where.region(), true, true, null));
                } else {
                    listing.complete(where, (provider, account, region) ->
                            listing.builder().scope(new Scope(provider, account, region, false, false, null)));
                }
            }
        };
    }
}
