package io.github.cloudaudit.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reading floor of the benchmark: every JSON token of every file of an inventory, read once with Jackson's
 * streaming parser and thrown away. No audit can read its input faster than this. Prints the time of the scan alone,
 * without the JVM's start, as {@code token scan: <files> files, <tokens> tokens, <seconds> s}.
 *
 * <p>Usage: {@code TokenScan <inventory folder>}
 */
public final class TokenScan {

    private TokenScan() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TokenScan <inventory folder>");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            files = walk.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        JsonFactory factory = new JsonFactory();
        long start = System.nanoTime();
        long tokens = 0;
        for (Path file : files) {
            try (JsonParser parser = factory.createParser(file.toFile())) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "token scan: %d files, %d tokens, %.2f s%n", files.size(), tokens,
                seconds);
    }
}
