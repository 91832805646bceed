package io.github.cloudaudit.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a synthetic fleet in one inventory format. */
interface InventoryWriter {

    /** Writes the fleet's files under the folder and returns them. */
    List<Path> write(SyntheticFleet fleet, Path folder) throws IOException;
}
