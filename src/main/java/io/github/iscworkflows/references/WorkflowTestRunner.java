package io.github.iscworkflows.references;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.WorkflowJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs a deployed workflow once with a given input through {@code POST /workflows/{id}/test} and
 * follows the execution to a final status.
 *
 * <p>ISC runs tests only on disabled workflows. An enabled workflow is either disabled for the run
 * and enabled again afterwards ({@code disableFirst}), or refused with an explanation. The external
 * trigger is not used: it needs the workflow's own OAuth client, which the plugin does not hold.
 */
public final class WorkflowTestRunner {

    /** Execution statuses after which the status no longer changes. */
    private static final Set<String> FINAL_STATUSES = Set.of("Completed", "Failed", "Canceled");

    /**
     * How to run the test.
     *
     * @param timeout how long to follow the execution before giving up
     * @param pollInterval pause between two reads of the execution
     * @param disableFirst disable an enabled workflow for the test and enable it again afterwards
     * @param dryRun report what would run and start nothing
     */
    public record Options(Duration timeout, Duration pollInterval, boolean disableFirst, boolean dryRun) {}

    /** Pauses between polls; tests pass one that only advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * The result of a completed run.
     *
     * @param workflow the workflow
     * @param executionId the execution id, or null in a dry run
     * @param status the final status, or null in a dry run
     */
    public record Result(SelectedWorkflow workflow, String executionId, String status) {}

    private final IscApi api;
    private final BuildLog log;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    public WorkflowTestRunner(IscApi api, BuildLog log) {
        this(api, log, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    WorkflowTestRunner(IscApi api, BuildLog log, Sleeper sleeper, LongSupplier nanoTime) {
        this.api = api;
        this.log = log;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /**
     * Runs the workflow named {@code name} with {@code input} (the trigger input, sent as
     * {@code {"input": ...}}) and returns when the execution completed.
     *
     * @throws WorkflowTestException when the workflow is missing or enabled, ISC does not start the
     *     run, the execution fails or is cancelled, or the timeout passes
     */
    public Result run(String name, JsonObject input, Options options) throws IscException, WorkflowTestException {
        SelectedWorkflow workflow = find(name);
        JsonObject remote = api.getWorkflow(workflow.id())
                .orElseThrow(() -> new WorkflowTestException("Workflow '" + name + "' vanished from the tenant."));
        boolean enabled = WorkflowEnabler.isEnabled(remote);
        if (enabled && !options.disableFirst()) {
            throw new WorkflowTestException("Workflow " + workflow.label() + " is enabled, and ISC runs test"
                    + " executions (POST /workflows/{id}/test) only on disabled workflows. Run with"
                    + " <disableFirst>true</disableFirst> (-Disc.test.disableFirst=true) to disable it for the test"
                    + " and enable it again afterwards. Its external trigger is no way around this here: it needs"
                    + " the workflow's own OAuth client (POST /workflows/{id}/external/oauth-clients), which the"
                    + " plugin does not create.");
        }
        if (options.dryRun()) {
            log.info("Would run a test of " + workflow.label()
                    + (enabled ? ", disabling it first and enabling it" + " again afterwards" : "")
                    + " (dry run, nothing started).");
            return new Result(workflow, null, null);
        }
        if (enabled) {
            log.info("Disabling " + workflow.label() + " for the test; it is enabled again afterwards.");
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(false));
        }
        Result result;
        try {
            result = runDisabled(workflow, input, options);
        } catch (IscException | WorkflowTestException | RuntimeException e) {
            if (enabled) {
                reEnableAfterFailure(workflow);
            }
            throw e;
        }
        if (enabled) {
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(true));
            log.info("Enabled " + workflow.label() + " again.");
        }
        return result;
    }

    private Result runDisabled(SelectedWorkflow workflow, JsonObject input, Options options)
            throws IscException, WorkflowTestException {
        JsonObject response = api.testWorkflow(workflow.id(), input);
        String executionId = string(response, "workflowExecutionId");
        String message = string(response, "message");
        if (executionId == null) {
            throw new WorkflowTestException("ISC did not start a test execution of " + workflow.label() + ": "
                    + (message != null
                            ? message
                            : "the response holds no workflowExecutionId: " + WorkflowJson.COMPACT.toJson(response)));
        }
        if (message != null) {
            log.warn("ISC started execution " + executionId + " with the message: " + message);
        }
        log.info("Started test execution " + executionId + " of " + workflow.label() + ".");
        String status = follow(workflow, executionId, options);
        if ("Completed".equals(status)) {
            log.info("Test execution " + executionId + " of " + workflow.label() + " completed.");
            return new Result(workflow, executionId, status);
        }
        String failingStep = ExecutionHistory.failingStep(api.getExecutionHistory(executionId));
        String referenceHint = failingStep != null && failingStep.contains("Parameter configuration")
                ? " A credential parameter of the step has no reference record for this workflow: run"
                        + " mvn isc:check-references to see which; the fix is to " + Remedies.TOGGLE_IN_UI
                : "";
        throw new WorkflowTestException("Test execution " + executionId + " of " + workflow.label() + " ended " + status
                + ": " + asSentence(failingStep) + referenceHint
                + " See the execution in the ISC UI for the full history.");
    }

    private String follow(SelectedWorkflow workflow, String executionId, Options options)
            throws IscException, WorkflowTestException {
        long deadline = nanoTime.getAsLong() + options.timeout().toNanos();
        String status = "not yet visible";
        while (true) {
            Optional<JsonObject> execution = api.getExecution(executionId);
            if (execution.isPresent()) {
                String read = string(execution.get(), "status");
                status = read == null ? "unknown" : read;
                if (FINAL_STATUSES.contains(status)) {
                    return status;
                }
            }
            if (nanoTime.getAsLong() >= deadline) {
                throw new WorkflowTestException(
                        "Test execution " + executionId + " of " + workflow.label()
                                + " did not finish within " + options.timeout().toSeconds() + " s (last status: "
                                + status
                                + "). Raise <testTimeout> (-Disc.test.timeout=SECONDS) or look at the execution in the ISC UI.");
            }
            log.debug("Execution " + executionId + " is " + status + "; next read in "
                    + options.pollInterval().toMillis() + " ms.");
            try {
                sleeper.sleep(options.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkflowTestException("Interrupted while following execution " + executionId + ".");
            }
        }
    }

    private SelectedWorkflow find(String name) throws IscException, WorkflowTestException {
        List<JsonObject> matches = api.findWorkflowsByName(name);
        if (matches.isEmpty()) {
            throw new WorkflowTestException("No workflow on the tenant is named '" + name + "'. Deploy it first"
                    + " (isc:deploy) or check <workflow> (-Disc.test.workflow); names are case-sensitive.");
        }
        if (matches.size() > 1) {
            throw new WorkflowTestException("The tenant has " + matches.size() + " workflows named '" + name
                    + "'; rename or delete the extra ones in the ISC UI.");
        }
        return new SelectedWorkflow(name, string(matches.get(0), "id"), null, null);
    }

    /** Enables the workflow again after a failed run; a failure here is logged so the run's own error wins. */
    private void reEnableAfterFailure(SelectedWorkflow workflow) {
        try {
            api.patchWorkflow(workflow.id(), WorkflowEnabler.enabledPatch(true));
            log.info("Enabled " + workflow.label() + " again.");
        } catch (IscException e) {
            log.warn("Could not enable " + workflow.label() + " again after the test, so it is disabled now; run"
                    + " isc:enable. Cause: " + e.getMessage());
        }
    }

    private static String asSentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isBlank() ? value.getAsString() : null;
    }
}
