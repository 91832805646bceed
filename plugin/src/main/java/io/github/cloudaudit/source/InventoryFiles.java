package io.github.cloudaudit.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One inventory file or folder, read by the readers on the plugin's class path. */
public record InventoryFiles(Path path) implements InventorySource {

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public void collect(InventoryBuilder builder, Log log) throws IOException {
        InventoryLoader.withBuiltInReaders(log.warn()).load(List.of(path), builder);
    }
}
