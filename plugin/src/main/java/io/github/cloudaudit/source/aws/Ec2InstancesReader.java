package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.DatabaseEngine;
import io.github.cloudaudit.model.Monitoring;
import io.github.cloudaudit.model.OperatingSystem;
import io.github.cloudaudit.model.PowerState;
import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.model.ResourceKind;
import io.github.cloudaudit.model.Server;
import io.github.cloudaudit.source.InventoryBuilder.Links;
import io.github.cloudaudit.source.OperatingSystemDetector;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws ec2 describe-instances}: each instance becomes a virtual machine. Its operating system and image
 * name come from the image listing and its ingress from the security group listing, linked by the builder.
 */
public final class Ec2InstancesReader extends AwsCliReader {

    /** Terminated instances stay listed for about an hour; they hold nothing any more. */
    private static final Set<String> GONE = Set.of("terminated", "shutting-down");

    /** "User initiated (2019-01-01 10:00:00 GMT)": the stop date EC2 writes into the free-text reason. */
    private static final Pattern TRANSITION_DATE =
            Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}:\\d{2} [A-Z]+\\)");

    /** What {@link #server} reads; an instance prints ten times as much (placement details, ENIs, CPU options...). */
    private static final UsedFields USED = UsedFields.paths("OwnerId", "Instances.InstanceId", "Instances.State.Name",
            "Instances.Tags", "Instances.Placement.AvailabilityZone", "Instances.VpcId", "Instances.PlatformDetails",
            "Instances.Platform", "Instances.InstanceType", "Instances.LaunchTime",
            "Instances.NetworkInterfaces.Attachment.DeviceIndex", "Instances.NetworkInterfaces.Attachment.AttachTime",
            "Instances.StateTransitionReason", "Instances.BlockDeviceMappings.Ebs",
            "Instances.Monitoring.State", "Instances.ImageId", "Instances.SecurityGroups.GroupId");

    public Ec2InstancesReader() {
        super("ec2 describe-instances", "Reservations");
    }

    @Override
    protected UsedFields usedFields() {
        return USED;
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, reservation) -> {
            String owner = reservation.text("OwnerId");
            for (AwsItem instance : reservation.list("Instances")) {
                if (!instance.textIsOneOf(GONE, "State", "Name")) {
                    server(instance, owner, listing);
                }
            }
        };
    }

    private static void server(AwsItem instance, String owner, Listing listing) {
        String id = instance.text("InstanceId");
        if (id == null) {
            throw instance.fail("to have an InstanceId");
        }
        Map<String, String> tags = instance.tags("Tags");
        String region = AwsLocation.regionOfZone(instance.text("Placement", "AvailabilityZone"));
        String vpc = instance.text("VpcId");
        String platform = instance.text("PlatformDetails");
        PowerState state = state(instance.text("State", "Name"));
        LocalDate launched = instance.date("LaunchTime");
        Server.Builder server = Server.builder()
                .provider(Provider.AWS).kind(ResourceKind.VIRTUAL_MACHINE).id(id).name(tags.get("Name"))
                .account(listing.account(owner))
                .region(listing.region(region))
                .type(instance.text("InstanceType"))
                .state(state)
                .launchedOn(firstLaunch(instance, launched))
                .stateSince(stateSince(instance, state, launched))
                .os(platformHint(platform, instance.text("Platform")))
                .engine(platform != null && platform.contains("SQL Server") ? new DatabaseEngine("sqlserver", null) : null)
                .tags(tags)
                .networkIds(vpc == null ? List.of() : List.of(vpc))
                .attachedDisks(ebsVolumes(instance))
                .monitoring(new Monitoring(null, detailedMonitoring(instance.text("Monitoring", "State")), null))
                .origin(instance.origin());
        listing.builder().server(server, new Links(instance.text("ImageId"), instance.texts("SecurityGroups", "GroupId")));
    }

    private static PowerState state(String name) {
        if ("running".equals(name)) {
            return PowerState.RUNNING;
        }
        return "stopped".equals(name) ? PowerState.STOPPED : PowerState.OTHER;
    }

    /**
     * The earliest of LaunchTime and the primary network interface's attach time. LaunchTime is the last start; the
     * primary interface is attached once, at the first launch, and cannot be detached, so it shows the real age.
     * Either may be missing from an export, and neither can be later than the first launch, so the earlier wins.
     */
    private static LocalDate firstLaunch(AwsItem instance, LocalDate launched) {
        LocalDate first = launched;
        for (AwsItem nic : instance.list("NetworkInterfaces")) {
            if (Integer.valueOf(0).equals(nic.integer("Attachment", "DeviceIndex"))) {
                LocalDate attached = nic.date("Attachment", "AttachTime");
                if (attached != null && (first == null || attached.isBefore(first))) {
                    first = attached;
                }
            }
        }
        return first;
    }

    private static LocalDate stateSince(AwsItem instance, PowerState state, LocalDate launched) {
        if (state == PowerState.RUNNING) {
            return launched;
        }
        String reason = instance.text("StateTransitionReason");
        if (state == PowerState.STOPPED && reason != null) {
            Matcher date = TRANSITION_DATE.matcher(reason);
            if (date.find()) {
                return LocalDate.parse(date.group(1));
            }
        }
        return null;
    }

    /** The platform names the family ("Windows", "Red Hat Enterprise Linux") but no release; the image tells more. */
    private static OperatingSystem platformHint(String platformDetails, String platform) {
        return OperatingSystemDetector.recognize(platformDetails)
                .or(() -> OperatingSystemDetector.recognize(platform))
                .orElse(null);
    }

    /** EBS volumes among the block devices; null when the output does not list block devices at all. */
    private static Integer ebsVolumes(AwsItem instance) {
        if (!instance.node().hasNonNull("BlockDeviceMappings")) {
            return null;
        }
        return (int) instance.list("BlockDeviceMappings").stream().filter(mapping -> mapping.node().hasNonNull("Ebs")).count();
    }

    /** "enabled" is detailed monitoring; "pending" is on its way, so it is not counted yet. */
    private static Boolean detailedMonitoring(String state) {
        return state == null ? null : state.equals("enabled");
    }
}
