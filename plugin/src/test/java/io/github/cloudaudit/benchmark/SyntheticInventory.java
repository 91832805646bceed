package io.github.cloudaudit.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic inventory for the benchmark ({@code benchmark/run.sh}):
 * {@code SyntheticInventory <output folder> <server count> aws-cli|normalized}. Servers are generated and written
 * one at a time, so any size fits in a small heap; the same arguments always give the same files.
 */
public final class SyntheticInventory {

    private static final String USAGE = "usage: SyntheticInventory <output folder> <server count> aws-cli|normalized";

    private SyntheticInventory() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            exit(USAGE);
        }
        int count = 0;
        try {
            count = Integer.parseInt(args[1].trim());
        } catch (NumberFormatException e) {
            exit("server count must be a whole number, found '" + args[1] + "'\n" + USAGE);
        }
        if (count < 1) {
            exit("server count must be at least 1, found " + count + "\n" + USAGE);
        }
        InventoryWriter writer = writer(args[2]);
        if (writer == null) {
            exit("unknown format '" + args[2] + "'\n" + USAGE);
        }
        Path folder = Path.of(args[0]);
        long started = System.nanoTime();
        List<Path> files = writer.write(new SyntheticFleet(count), folder);
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "Wrote %d servers (%s) to %s: %d files, %d bytes (%.1f MB) in %.1f s%n",
                count, args[2], folder, files.size(), bytes, bytes / 1e6, seconds);
    }

    static InventoryWriter writer(String format) {
        return switch (format) {
            case "aws-cli" -> new AwsCliInventoryWriter();
            case "normalized" -> new NormalizedFleetWriter();
            default -> null;
        };
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
