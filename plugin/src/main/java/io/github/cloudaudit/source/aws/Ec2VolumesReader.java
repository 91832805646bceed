package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;

import java.util.Set;

/** {@code aws ec2 describe-volumes}: one attached disk per volume attachment, for the instance it is attached to. */
public final class Ec2VolumesReader extends AwsCliReader {

    private static final Set<String> ATTACHED = Set.of("attached", "attaching");

    public Ec2VolumesReader() {
        super("ec2 describe-volumes", "Volumes");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, volume) -> {
            for (AwsItem attachment : volume.list("Attachments")) {
                String instance = attachment.text("InstanceId");
                if (instance != null && attachment.textIsOneOf(ATTACHED, "State")) {
                    listing.builder().attachedDisk(Provider.AWS, instance);
                }
            }
        };
    }
}
