package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Runs the embedded ISC emulator in the foreground until Ctrl-C or {@code POST /emulator/shutdown},
 * printing its URL and credentials. Needs no project: {@code mvn isc:emulator} works anywhere the
 * plugin prefix resolves.
 */
@Mojo(name = EmulatorMojo.GOAL, requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractEmulatorMojo {

    public static final String GOAL = "emulator";

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        IscEmulator emulator = startEmulator();
        Thread hook = new Thread(emulator::stop, "isc-emulator-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);

        getLog().info("ISC emulator running at " + emulator.url() + " ("
                + AbstractEmulatorMojo.describeMode(emulator.state().mode()) + ").");
        String secret = emulator.options().clientSecret().equals(EmulatorOptions.DEFAULT_CLIENT_SECRET)
                ? EmulatorOptions.DEFAULT_CLIENT_SECRET + " (the emulator's own test credentials)"
                : "the value of isc.emulator.clientSecret";
        getLog().info("Client id: " + emulator.options().clientId() + ", client secret: " + secret + ".");
        String secretFlag = emulator.options().clientSecret().equals(EmulatorOptions.DEFAULT_CLIENT_SECRET)
                ? EmulatorOptions.DEFAULT_CLIENT_SECRET
                : "...";
        getLog().info("Use -Disc.url=" + emulator.url() + " -Disc.clientId="
                + emulator.options().clientId() + " -Disc.clientSecret=" + secretFlag
                + " in another build. Press Ctrl-C to stop.");
        try {
            emulator.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has stopped the emulator.
        }
        getLog().info("ISC emulator stopped"
                + (emulator.options().dumpFile() == null
                        ? "."
                        : "; state written to " + emulator.options().dumpFile() + "."));
    }
}
