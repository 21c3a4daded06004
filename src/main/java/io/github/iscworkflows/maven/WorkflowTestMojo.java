package io.github.iscworkflows.maven;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.references.WorkflowTestException;
import io.github.iscworkflows.references.WorkflowTestRunner;
import io.github.iscworkflows.workflow.JsonSyntaxProblem;
import io.github.iscworkflows.workflow.PositionedJsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs one deployed workflow with an input file through ISC's test call
 * ({@code POST /workflows/<id>/test}) and follows the execution until it completes, fails or times
 * out.
 *
 * <p>This is a live run: the workflow's steps really execute on the tenant. ISC tests only disabled
 * workflows, so an enabled one is refused unless {@code disableFirst} is set. Fails on a failed or
 * cancelled execution (naming the failing step from the execution history), on a timeout, and when
 * ISC's response starts no execution.
 */
@Mojo(name = WorkflowTestMojo.GOAL, threadSafe = true)
public class WorkflowTestMojo extends AbstractIscMojo {

    public static final String GOAL = "test";

    /** Name of the deployed workflow to run. */
    @Parameter(property = "isc.test.workflow")
    protected String workflow;

    /**
     * JSON file holding the trigger input, the object that ISC passes to the workflow as
     * {@code $.trigger}. The plugin sends it as {@code {"input": <file content>}}. Default: an empty
     * object.
     */
    @Parameter(property = "isc.test.input")
    protected File input;

    /** Seconds to follow the execution before the build fails. */
    @Parameter(property = "isc.test.timeout", defaultValue = "300")
    protected int testTimeout;

    /** Seconds between two reads of the execution status. */
    @Parameter(property = "isc.test.pollInterval", defaultValue = "3")
    protected int pollInterval;

    /** Disables an enabled workflow for the test and enables it again afterwards. */
    @Parameter(property = "isc.test.disableFirst", defaultValue = "false")
    protected boolean disableFirst;

    /** Skips this goal only. */
    @Parameter(property = "isc.test.skip", defaultValue = "false")
    protected boolean skipTest;

    @Override
    protected String goalName() {
        return GOAL;
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipTest;
    }

    @Override
    protected boolean writesToTenant() {
        return true;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (workflow == null || workflow.isBlank()) {
            throw new MojoFailureException(
                    "No workflow to test: set <workflow> (-Disc.test.workflow=NAME) to a deployed workflow's name.");
        }
        if (testTimeout <= 0 || pollInterval <= 0) {
            throw new MojoFailureException("Invalid <testTimeout> " + testTimeout + " or <pollInterval> " + pollInterval
                    + " (-Disc.test.timeout, -Disc.test.pollInterval): both must be positive numbers of seconds.");
        }
        JsonObject triggerInput = readInput();
        WorkflowTestRunner.Options options = new WorkflowTestRunner.Options(
                Duration.ofSeconds(testTimeout), Duration.ofSeconds(pollInterval), disableFirst, dryRun);
        try (IscApi api = openClient()) {
            new WorkflowTestRunner(api, buildLog()).run(workflow.trim(), triggerInput, options);
        } catch (WorkflowTestException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IscException e) {
            rethrow(e, "Testing workflow '" + workflow + "'");
        }
    }

    private JsonObject readInput() throws MojoFailureException, MojoExecutionException {
        if (input == null) {
            getLog().info("No <input> (-Disc.test.input) given; the test runs with an empty input object.");
            return new JsonObject();
        }
        String text;
        try {
            text = Files.readString(input.toPath(), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MojoFailureException(
                    "The test input file " + input + " does not exist. Check <input> (-Disc.test.input).");
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read the test input file " + input + ": " + e.getMessage(), e);
        }
        JsonElement root;
        try {
            root = PositionedJsonParser.parse(text).root();
        } catch (JsonSyntaxProblem e) {
            throw new MojoFailureException(
                    input + ":" + e.position().line() + ":" + e.position().column() + ": invalid JSON: "
                            + e.getMessage() + ". Fix the test input file (-Disc.test.input).");
        }
        if (!root.isJsonObject()) {
            throw new MojoFailureException("The test input file " + input + " must hold a JSON object, the trigger"
                    + " input the workflow receives as $.trigger.");
        }
        return root.getAsJsonObject();
    }
}
