package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.Scope;

/**
 * {@code aws cloudtrail describe-trails}: which accounts and regions a trail covers. A multi-region trail covers
 * its whole account; another trail its home region. The listing of a region includes the trails of other regions
 * and of the organization that apply to it, so when none covers the region of its folders, no trail does.
 * <p>
 * describe-trails does not show whether a trail is logging ({@code get-trail-status} does): a trail that was
 * stopped still counts as covering here, and findings that rely on it must say so.
 */
public final class CloudTrailTrailsReader extends AwsCliReader {

    public CloudTrailTrailsReader() {
        super("cloudtrail describe-trails", "trailList");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        String folderAccount = listing.placeAccount();
        String folderRegion = listing.placeRegion();
        return new ListingHandler() {
            private int trails;
            private boolean coversFolderRegion;

            @Override
            public void item(String key, AwsItem trail) {
                trails++;
                String arn = trail.text("TrailARN");
                String homeRegion = trail.text("HomeRegion") != null ? trail.text("HomeRegion") : Arn.regionOf(arn);
                boolean multiRegion = Boolean.TRUE.equals(trail.bool("IsMultiRegionTrail"));
                String region = multiRegion ? null : homeRegion;
                AwsLocation where = listing.location(Arn.accountOf(arn), homeRegion);
                covered(where.account(), region);
                // An organization trail seen from a member account carries the management account in its ARN.
                if (Boolean.TRUE.equals(trail.bool("IsOrganizationTrail")) && folderAccount != null
                        && !folderAccount.equals(where.account())) {
                    covered(folderAccount, region);
                }
                coversFolderRegion |= multiRegion || (homeRegion != null && homeRegion.equals(folderRegion));
            }

            @Override
            public void end() {
                if (trails == 0) {
                    AwsLocation where = listing.location(null, null);
                    listing.builder().scope(new Scope(Provider.AWS, where.account(), where.region(), null, null, false));
                } else if (!coversFolderRegion && folderAccount != null && folderRegion != null) {
                    listing.builder().scope(new Scope(Provider.AWS, folderAccount, folderRegion, null, null, false));
                }
            }

            private void covered(String account, String region) {
                listing.builder().scope(new Scope(Provider.AWS, account, region, null, null, true));
            }
        };
    }
}
