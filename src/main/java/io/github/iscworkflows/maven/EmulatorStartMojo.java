package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.IscEmulator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Starts the embedded ISC emulator for the rest of the build and points the later {@code isc}
 * goals at it: sets {@code isc.url}, {@code isc.clientId} and {@code isc.clientSecret} as session
 * user properties and project properties. {@code emulator-stop} stops it and puts the previous
 * values back; without it the emulator ends with the JVM.
 */
@Mojo(name = EmulatorStartMojo.GOAL, requiresProject = false, threadSafe = true)
public class EmulatorStartMojo extends AbstractEmulatorMojo {

    public static final String GOAL = "emulator-start";

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        String key = EmulatorRegistry.keyOf(project);
        if (EmulatorRegistry.get(key) != null) {
            throw new MojoFailureException("An emulator started by " + GOAL + " is already running for " + key
                    + ": run emulator-stop before starting another one.");
        }
        String givenUrl = commandLineUrl();
        if (givenUrl != null) {
            // Maven resolves goal parameters from -D system properties before the user properties this
            // goal sets, so the later goals would call the given URL with the emulator's credentials.
            throw new MojoFailureException("isc.url is set to " + givenUrl + " on the command line, so the later"
                    + " isc goals would call that URL instead of the emulator. Remove -Disc.url to use the"
                    + " emulator, or skip " + GOAL + " with -Disc.emulator.skip=true to use that URL.");
        }
        IscEmulator emulator = startEmulator();
        EmulatorRegistry.put(
                key,
                new EmulatorRegistry.Started(
                        emulator,
                        EmulatorRegistry.capture(session == null ? null : session.getUserProperties()),
                        EmulatorRegistry.capture(project == null ? null : project.getProperties())));

        setProperty("isc.url", emulator.url());
        setProperty("isc.clientId", emulator.options().clientId());
        setProperty("isc.clientSecret", emulator.options().clientSecret());
        getLog().info("ISC emulator started at " + emulator.url() + " ("
                + describeMode(emulator.state().mode())
                + "); isc.url, isc.clientId and isc.clientSecret now point to it.");
    }

    /** The {@code isc.url} given with {@code -D} (a user and system property), or null. */
    private String commandLineUrl() {
        if (session == null) {
            return null;
        }
        String user = session.getUserProperties().getProperty("isc.url");
        String system = session.getSystemProperties().getProperty("isc.url");
        String given = user != null && !user.isBlank() ? user : system;
        return given == null || given.isBlank() ? null : given;
    }

    private void setProperty(String name, String value) {
        if (session != null) {
            session.getUserProperties().setProperty(name, value);
        }
        if (project != null) {
            project.getProperties().setProperty(name, value);
        }
    }
}
