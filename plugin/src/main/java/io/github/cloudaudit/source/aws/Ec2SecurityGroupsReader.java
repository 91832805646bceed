package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.IngressRule;
import io.github.cloudaudit.model.Provider;

import java.util.ArrayList;
import java.util.List;

/** {@code aws ec2 describe-security-groups}: the inbound rules of each group, for the servers that use it. */
public final class Ec2SecurityGroupsReader extends AwsCliReader {

    public Ec2SecurityGroupsReader() {
        super("ec2 describe-security-groups", "SecurityGroups");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, group) -> {
            String id = group.text("GroupId");
            if (id == null) {
                throw group.fail("to have a GroupId");
            }
            String name = group.text("GroupName");
            String via = name == null ? id : name + " (" + id + ")";
            List<IngressRule> rules = new ArrayList<>();
            for (AwsItem permission : group.list("IpPermissions")) {
                for (String source : sources(permission)) {
                    rules.add(new IngressRule(permission.text("IpProtocol"), permission.integer("FromPort"),
                            permission.integer("ToPort"), source, via));
                }
            }
            listing.builder().securityGroup(Provider.AWS, id, rules);
        };
    }

    /** Everything a permission lets in: IPv4 and IPv6 ranges, other security groups and managed prefix lists. */
    private static List<String> sources(AwsItem permission) {
        List<String> sources = new ArrayList<>();
        sources.addAll(permission.texts("IpRanges", "CidrIp"));
        sources.addAll(permission.texts("Ipv6Ranges", "CidrIpv6"));
        sources.addAll(permission.texts("UserIdGroupPairs", "GroupId"));
        sources.addAll(permission.texts("PrefixListIds", "PrefixListId"));
        return sources;
    }
}
