package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.references.FindingsMessage;
import io.github.iscworkflows.references.ReferenceChecker;
import io.github.iscworkflows.references.ReferenceReport;
import io.github.iscworkflows.references.ReferenceReportWriter;
import io.github.iscworkflows.references.Selection;
import io.github.iscworkflows.support.Counts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The release gate: reads every deployed workflow back from the tenant and fails the build while a
 * credential object ({@code param_*} with {@code paramID}) lacks a usable {@code refID}.
 *
 * <p>Fails when a credential object has no {@code refID}, has no {@code paramID}, names a parameter
 * this tenant does not have, or carries a {@code refID} that is not a reference record of this
 * workflow (copied or stale). Legacy inline secrets and {@code $.secrets.*} references are reported as
 * warnings, because the public API cannot confirm them. Writes {@code target/isc/references-report.json}
 * and the JUnit XML {@code target/isc-reports/TEST-isc-references.xml}. See docs/refid.md.
 */
@Mojo(name = CheckReferencesMojo.GOAL, defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckReferencesMojo extends AbstractSelectingMojo {

    public static final String GOAL = "check-references";

    /** Report file names, relative to the target folder. */
    static final String JSON_REPORT = "isc/references-report.json";

    static final String JUNIT_REPORT = "isc-reports/TEST-isc-references.xml";

    /**
     * Checks each {@code refID} against the reference records of its parameter and each
     * {@code paramID} against the tenant's parameters ({@code sp:parameter-storage:read} scope). When
     * false, only the presence of {@code refID} is checked, and a warning reports that.
     */
    @Parameter(property = "isc.verifyReferences", defaultValue = "true")
    protected boolean verifyReferences;

    /**
     * When findings fail the build: {@code missing} (default) fails on every failure-level finding;
     * {@code never} only reports them.
     */
    @Parameter(property = "isc.references.failOn", defaultValue = "missing")
    protected String failOn;

    /** Skips this goal only. */
    @Parameter(property = "isc.check-references.skip", defaultValue = "false")
    protected boolean skipCheckReferences;

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipCheckReferences;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        boolean reportOnly = parseFailOn(failOn);
        ReferenceReport report;
        try (IscApi api = openClient()) {
            Selection selection = select(api);
            report = new ReferenceChecker(api, buildLog(), verifyReferences).check(selection.workflows());
        } catch (IscException e) {
            rethrow(e, "Checking references");
            return;
        }

        Path json = targetDirectory().resolve(JSON_REPORT);
        Path junit = targetDirectory().resolve(JUNIT_REPORT);
        try {
            ReferenceReportWriter.writeJson(report, json);
            ReferenceReportWriter.writeJunit(report, junit);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the reference report: " + e.getMessage(), e);
        }

        if (report.workflows().isEmpty()) {
            getLog().warn("No workflows were selected, so nothing was checked.");
        }
        for (String line : FindingsMessage.lines(report, f -> !f.isFailure())) {
            getLog().warn(line);
        }
        getLog().info("check-references: " + Counts.of(report.workflows().size(), "workflow") + ", "
                + Counts.of(report.credentialCount(), "credential object") + ", "
                + Counts.of(report.failureCount(), "failure") + ", " + Counts.of(report.warningCount(), "warning")
                + ", " + Counts.of(report.requests(), "request") + ".");

        if (report.failureCount() == 0) {
            return;
        }
        String message = FindingsMessage.failure(report, json.toString(), junit.toString());
        if (reportOnly) {
            getLog().warn(message);
            getLog().warn("The build goes on because failOn is never (-Disc.references.failOn=never).");
            return;
        }
        throw new MojoFailureException(message);
    }

    /** Returns whether findings are only reported; rejects an unknown value before any network call. */
    static boolean parseFailOn(String value) throws MojoFailureException {
        String normalised = value == null ? "missing" : value.trim().toLowerCase(Locale.ROOT);
        switch (normalised) {
            case "missing":
                return false;
            case "never":
                return true;
            default:
                throw new MojoFailureException("Invalid <failOn> value '" + value + "' (-Disc.references.failOn);"
                        + " use missing (fail on findings) or never (report only).");
        }
    }
}
