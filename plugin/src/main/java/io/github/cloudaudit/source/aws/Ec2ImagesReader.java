package io.github.cloudaudit.source.aws;

import io.github.cloudaudit.model.Provider;
import io.github.cloudaudit.source.OperatingSystemDetector;

/**
 * {@code aws ec2 describe-images}: each image's operating system and name, for the instances launched from it.
 * The name is kept as the server's image evidence, where a name such as {@code ...-SQL_2014_SP3_Standard} also
 * tells of a database.
 */
public final class Ec2ImagesReader extends AwsCliReader {

    public Ec2ImagesReader() {
        super("ec2 describe-images", "Images");
    }

    @Override
    protected ListingHandler open(Listing listing) {
        return (key, image) -> {
            String id = image.text("ImageId");
            if (id == null) {
                throw image.fail("to have an ImageId");
            }
            String name = image.text("Name");
            String description = image.text("Description");
            listing.builder().image(Provider.AWS, id,
                    OperatingSystemDetector.detect(name, description, image.text("PlatformDetails"), image.text("Platform")),
                    name != null ? name : description);
        };
    }
}
