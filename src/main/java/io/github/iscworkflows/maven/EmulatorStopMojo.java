package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.IscEmulator;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Stops the emulator that {@code emulator-start} started for this project, writing its dump file when
 * set, and puts back the values {@code isc.url}, {@code isc.clientId} and {@code isc.clientSecret} had
 * before the start, so that later projects of the reactor do not call a stopped emulator.
 */
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
        EmulatorRegistry.Started started = EmulatorRegistry.remove(key);
        if (started == null) {
            getLog().info("No emulator started by " + EmulatorStartMojo.GOAL + " is running for " + key
                    + "; nothing to stop.");
            return;
        }
        EmulatorRegistry.restore(
                session == null ? null : session.getUserProperties(), started.previousUserProperties());
        EmulatorRegistry.restore(project == null ? null : project.getProperties(), started.previousProjectProperties());
        IscEmulator emulator = started.emulator();
        try {
            emulator.stop();
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("ISC emulator at " + emulator.url() + " stopped; "
                + emulator.stats().total()
                + " requests served"
                + (emulator.options().dumpFile() == null
                        ? "."
                        : "; state written to " + emulator.options().dumpFile() + "."));
        getLog().info("Requests by endpoint: " + emulator.stats().counts() + ".");
    }
}
