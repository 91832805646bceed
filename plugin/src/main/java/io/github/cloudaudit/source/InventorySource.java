package io.github.cloudaudit.source;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where inventory comes from: exported files, or a cloud's API read live. The auditor runs every configured source
 * into one {@link InventoryBuilder}, so that a live AWS account and an Azure export merge into one inventory.
 */
public interface InventorySource {

    /** Where a source tells what it does: progress to {@code info}, skipped input to {@code warn}. */
    record Log(Consumer<String> info, Consumer<String> warn) {
    }

    /** The source as people name it, for the log and the report's metadata: a path, or {@code aws: 2 accounts}. */
    String describe();

    /** Puts everything this source knows into the builder. */
    void collect(InventoryBuilder builder, Log log) throws IOException;
}
