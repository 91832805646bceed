package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ThreatFinding;

/**
 * {@code aws guardduty get-findings --detector-id ID --finding-ids ... --output json}: GuardDuty findings about EC2
 * instances, matched to them by {@code Resource.InstanceDetails.InstanceId}. Archived findings were dealt with or
 * dismissed by someone and do not count; findings about other resources (buckets, clusters, keys) are not about a
 * server. Each finding names its account and region, so no folders are needed. The export, at most 50 ids a call:
 * {@code aws guardduty get-findings --detector-id ID --finding-ids $(aws guardduty list-findings --detector-id ID
 * --query FindingIds --output text)}.
 */
public final class GuardDutyFindingsReader extends AwsCliReader {

    public GuardDutyFindingsReader() {
        super("guardduty get-findings", "Findings");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, finding) -> {
            String instanceId = finding.text("Resource", "InstanceDetails", "InstanceId");
            if (instanceId == null || Boolean.TRUE.equals(finding.bool("Service", "Archived"))) {
                return;
            }
            String type = finding.text("Type");
            if (type == null) {
                throw finding.fail("to have a 'Type', as every GuardDuty finding has");
            }
            Integer count = finding.integer("Service", "Count");
            AwsLocation where = listing.location(finding.text("AccountId"), finding.text("Region"));
            listing.builder().threat(new ThreatFinding(Provider.AWS, where.account(),
                    instanceId, "GuardDuty", type, GuardDutyFindingTypes.cryptomining(type),
                    finding.date("Service", "EventFirstSeen"), finding.date("Service", "EventLastSeen"),
                    count == null || count < 1 ? 1 : count));
        };
    }
}
