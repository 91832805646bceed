package io.github.cloudaudit.mojo;

import io.github.cloudaudit.audit.Auditor;
import io.github.cloudaudit.model.Inventory;
import io.github.cloudaudit.source.InventoryFormatException;
import io.github.cloudaudit.source.InventorySource;
import io.github.cloudaudit.source.normalized.NormalizedInventoryWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Reads the clouds live and writes what it read as a normalized inventory file, without running any rule. The
 * {@code audit} goal reads that file again, so a pipeline without cloud credentials audits a snapshot taken
 * elsewhere, with the same findings. What could not be read is kept as coverage gaps.
 */
@Mojo(name = "snapshot", threadSafe = true, requiresProject = false)
public class SnapshotMojo extends LiveSourceMojo {

    /** The inventory file to write. */
    @Parameter(property = "cloudaudit.snapshot.file", defaultValue = "${project.build.directory}/cloud-audit/snapshot.json")
    private File snapshotFile;

    /** Skip the snapshot. */
    @Parameter(property = "cloudaudit.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Cloud audit snapshot skipped (cloudaudit.skip=true)");
            return;
        }
        List<InventorySource> sources = liveSources(effectiveConfiguration(liveSourceLayer()));
        if (sources.isEmpty()) {
            throw new MojoExecutionException("cloudaudit.snapshot reads clouds live: enable a live source "
                    + "(cloudaudit.aws.enabled=true, cloudaudit.azure.enabled=true)");
        }
        Path file = file();
        Instant start = Instant.now();
        try {
            SafeLog log = new SafeLog(getLog());
            Inventory inventory = new Auditor(log::info, log::warn).collect(sources);
            Files.createDirectories(file.toAbsolutePath().getParent());
            NormalizedInventoryWriter.write(inventory, file, start, "cloud-audit-maven-plugin "
                    + (pluginVersion() == null ? "" : pluginVersion()) + " snapshot");
            getLog().info(String.format("Wrote a snapshot of %d servers and %d coverage gap(s) to %s in %s",
                    inventory.servers().size(), inventory.gaps().size(), file, Auditor.seconds(start)));
        } catch (InventoryFormatException e) {
            throw new MojoExecutionException("Cannot read inventory: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cloud audit snapshot failed: " + e.getMessage(), e);
        }
    }

    private Path file() {
        return resolve(snapshotFile != null ? snapshotFile : new File("cloud-audit-snapshot.json"));
    }
}
