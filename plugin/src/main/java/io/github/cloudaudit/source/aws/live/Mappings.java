package io.github.cloudaudit.source.aws.live;

import io.github.cloudaudit.source.InventoryReader;
import io.github.cloudaudit.source.aws.AwsCliReader;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The mapping of a CLI command among the readers on the class path, found by its format name. Some listings
 * (GuardDuty findings, CloudWatch metric data) are read only when a mapping for them is present.
 */
final class Mappings {

    private Mappings() {
    }

    static Optional<AwsCliReader> of(String command) {
        String format = "aws-cli: " + command;
        for (InventoryReader reader : ServiceLoader.load(InventoryReader.class, Mappings.class.getClassLoader())) {
            if (reader instanceof AwsCliReader aws && reader.format().equals(format)) {
                return Optional.of(aws);
            }
        }
        return Optional.empty();
    }
}
