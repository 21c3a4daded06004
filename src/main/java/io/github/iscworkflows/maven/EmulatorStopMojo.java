package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.IscEmulator;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the emulator that {@code emulator-start} started for this project, writing its dump file when set. */
@Mojo(name = EmulatorStopMojo.GOAL, requiresProject = false, threadSafe = true)
public class EmulatorStopMojo extends AbstractEmulatorMojo {

    public static final String GOAL = "emulator-stop";

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected void run() throws MojoExecutionException {
        String key = EmulatorRegistry.keyOf(project);
        IscEmulator emulator = EmulatorRegistry.remove(key);
        if (emulator == null) {
            getLog().info("No emulator started by " + EmulatorStartMojo.GOAL + " is running for " + key
                    + "; nothing to stop.");
            return;
        }
        try {
            emulator.stop();
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("ISC emulator at " + emulator.url() + " stopped; "
                + emulator.stats().total() + " requests served.");
    }
}
