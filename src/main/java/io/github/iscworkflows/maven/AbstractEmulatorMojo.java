package io.github.iscworkflows.maven;

import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.ReferenceMode;
import java.io.File;
import java.io.IOException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters of the emulator goals and the start step they share. These goals need no tenant, so
 * they do not extend {@link AbstractIscMojo}.
 */
abstract class AbstractEmulatorMojo extends AbstractMojo {

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** TCP port on 127.0.0.1; 0 picks a free port. */
    @Parameter(property = "isc.emulator.port", defaultValue = "0")
    protected int port;

    /**
     * JSON file with the tenant to start from: {@code parameters}, {@code workflows}, {@code references},
     * {@code identities} and {@code mode}. See docs/emulator.md for the format.
     */
    @Parameter(property = "isc.emulator.state")
    protected File state;

    /**
     * When API calls create Parameter Storage references: {@code never} (as reported on real tenants),
     * {@code on-create}, {@code on-enable} or {@code dangling}. Default: the state file's {@code mode},
     * else {@code never}.
     */
    @Parameter(property = "isc.emulator.mode")
    protected String mode;

    /** File the emulator writes its state to when it stops, in the state file format. */
    @Parameter(property = "isc.emulator.dump")
    protected File dump;

    /** Client id the emulator's token endpoint accepts. */
    @Parameter(property = "isc.emulator.clientId", defaultValue = EmulatorOptions.DEFAULT_CLIENT_ID)
    protected String emulatorClientId;

    /** Client secret the emulator's token endpoint accepts. */
    @Parameter(property = "isc.emulator.clientSecret", defaultValue = EmulatorOptions.DEFAULT_CLIENT_SECRET)
    protected String emulatorClientSecret;

    /**
     * Requests per 10 seconds the emulator allows per client id and API version, as ISC does. 0
     * switches the limit off.
     */
    @Parameter(property = "isc.emulator.rateLimit", defaultValue = "100")
    protected int rateLimit;

    /**
     * Offset ceiling of the workflow listing and the Parameter Storage search: a request with an
     * {@code offset} at or beyond it gets 400, as on tenants with thousands of workflows. 0 (the
     * default) switches the ceiling off.
     */
    @Parameter(property = "isc.emulator.maxOffset", defaultValue = "0")
    protected int maxOffset;

    /** Skips every {@code isc} goal. */
    @Parameter(property = "isc.skip", defaultValue = "false")
    protected boolean skip;

    /** Skips the emulator goals only. */
    @Parameter(property = "isc.emulator.skip", defaultValue = "false")
    protected boolean emulatorSkip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goalName() + ": isc.skip is true.");
            return;
        }
        if (emulatorSkip) {
            getLog().info("Skipping " + goalName() + ": isc.emulator.skip is true.");
            return;
        }
        run();
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected abstract String goalName();

    /** Checks the parameters and starts an emulator. */
    protected final IscEmulator startEmulator() throws MojoExecutionException, MojoFailureException {
        ReferenceMode referenceMode = null;
        if (mode != null && !mode.isBlank()) {
            try {
                referenceMode = ReferenceMode.parse(mode);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage() + " Set <mode> or -Disc.emulator.mode.");
            }
        }
        if (state != null && !state.isFile()) {
            throw new MojoFailureException("Emulator state file " + state + " does not exist: fix <state> or"
                    + " -Disc.emulator.state, or leave it out to start with an empty tenant.");
        }
        EmulatorOptions options;
        try {
            options = EmulatorOptions.builder()
                    .port(port)
                    .clientId(emulatorClientId)
                    .clientSecret(emulatorClientSecret)
                    .referenceMode(referenceMode)
                    .stateFile(state == null ? null : state.toPath())
                    .dumpFile(dump == null ? null : dump.toPath())
                    .rateLimit(rateLimit)
                    .maxOffset(maxOffset)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + " Check <port> (-Disc.emulator.port), <rateLimit>"
                    + " (-Disc.emulator.rateLimit) and <maxOffset> (-Disc.emulator.maxOffset).");
        }
        try {
            return IscEmulator.start(options);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not start the ISC emulator on 127.0.0.1:" + port + ": " + e.getMessage()
                            + ". Choose another port with -Disc.emulator.port or use 0 for a free one.",
                    e);
        }
    }

    /** The reference mode with what it means, for the start line. */
    static String describeMode(ReferenceMode mode) {
        String meaning = switch (mode) {
            case NEVER -> "no API call creates reference records, as reported on real tenants";
            case ON_CREATE -> "creating or updating a workflow creates its missing reference records";
            case ON_ENABLE -> "a write that leaves a workflow enabled creates its missing reference records";
            case DANGLING -> "creating or updating a workflow sets refIDs with no reference record behind them";
        };
        return "reference mode " + mode.label() + ": " + meaning;
    }
}
