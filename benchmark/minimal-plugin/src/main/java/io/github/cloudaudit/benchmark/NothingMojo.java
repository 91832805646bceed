package io.github.cloudaudit.benchmark;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Logs one line: running it costs what any plugin goal costs before it does its work. */
@Mojo(name = "nothing", threadSafe = true, requiresProject = false)
public class NothingMojo extends AbstractMojo {

    @Override
    public void execute() {
        getLog().info("The minimal plugin ran.");
    }
}
