package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowTestRunnerTest {

    private final FakeIscApi api = new FakeIscApi();
    private long now;
    private int sleeps;
    private final WorkflowTestRunner runner = new WorkflowTestRunner(
            api,
            BuildLog.silent(),
            d -> {
                sleeps++;
                now += d.toNanos();
            },
            () -> now);
    private final JsonObject input =
            JsonParser.parseString("{\"identity\": {\"id\": \"e1\"}}").getAsJsonObject();

    private static WorkflowTestRunner.Options options(boolean disableFirst) {
        return new WorkflowTestRunner.Options(Duration.ofSeconds(10), Duration.ofSeconds(2), disableFirst, false);
    }

    private void startsExecution(String id) {
        api.testResponse = JsonParser.parseString("{\"workflowExecutionId\": \"" + id + "\"}")
                .getAsJsonObject();
    }

    @Test
    void completedRunReturnsStatus() throws Exception {
        api.addWorkflow("wf-1", "Notify", false, "p", null);
        startsExecution("ex-1");
        api.addExecution("ex-1", "Queued", "Running", "Completed");

        WorkflowTestRunner.Result result = runner.run("Notify", input, options(false));

        assertEquals("Completed", result.status());
        assertEquals("ex-1", result.executionId());
        assertEquals(input, api.lastTestInput);
        assertEquals(3, api.count("getExecution ex-1"));
        assertEquals(2, sleeps);
    }

    @Test
    void failedRunNamesFailingStep() {
        api.addWorkflow("wf-1", "Notify", false, "p", null);
        startsExecution("ex-1");
        api.addExecution("ex-1", "Running", "Failed");
        api.histories.put("ex-1", JsonParser.parseString("""
                [{"type": "WorkflowExecutionStarted", "attributes": {}},
                 {"type": "ActivityTaskFailed", "attributes": {"displayName": "HTTP Request",
                   "errorMessage": "failed to retrieve Parameters for authentication type 'oauth'"}},
                 {"type": "WorkflowExecutionFailed", "attributes": {"error": "step failed"}}]
                """).getAsJsonArray());

        WorkflowTestException thrown =
                assertThrows(WorkflowTestException.class, () -> runner.run("Notify", input, options(false)));

        assertEquals(
                "Test execution ex-1 of 'Notify' (id wf-1) ended Failed: step 'HTTP Request' failed"
                        + " (ActivityTaskFailed): failed to retrieve Parameters for authentication type 'oauth'. See"
                        + " the execution in the ISC UI for the full history.",
                thrown.getMessage());
    }

    @Test
    void notExecutedMessageIsAFailure() {
        api.addWorkflow("wf-1", "Notify", false, "p", null);
        api.testResponse = JsonParser.parseString(
                        "{\"message\": \"Workflow was not executed externally. Check enabled flag on workflow"
                                + " definition\"}")
                .getAsJsonObject();

        WorkflowTestException thrown =
                assertThrows(WorkflowTestException.class, () -> runner.run("Notify", input, options(false)));

        assertEquals(
                "ISC did not start a test execution of 'Notify' (id wf-1): Workflow was not executed externally."
                        + " Check enabled flag on workflow definition",
                thrown.getMessage());
        assertEquals(0, api.count("getExecution"));
    }

    @Test
    void enabledWorkflowIsRefusedWithoutDisableFirst() {
        api.addWorkflow("wf-1", "Notify", true, "p", null);

        WorkflowTestException thrown =
                assertThrows(WorkflowTestException.class, () -> runner.run("Notify", input, options(false)));

        assertTrue(thrown.getMessage()
                .startsWith("Workflow 'Notify' (id wf-1) is enabled, and ISC runs test"
                        + " executions (POST /workflows/{id}/test) only on disabled workflows. Run with"
                        + " <disableFirst>true</disableFirst> (-Disc.test.disableFirst=true)"));
        assertEquals(0, api.count("testWorkflow"));
        assertEquals(0, api.count("patchWorkflow"));
    }

    @Test
    void disableFirstReEnablesAfterwards() throws Exception {
        api.addWorkflow("wf-1", "Notify", true, "p", null);
        startsExecution("ex-1");
        api.addExecution("ex-1", "Completed");

        runner.run("Notify", input, options(true));

        assertEquals(
                List.of("patchWorkflow wf-1 /enabled=false", "testWorkflow wf-1", "patchWorkflow wf-1 /enabled=true"),
                api.calls.stream()
                        .filter(c -> c.startsWith("patch") || c.startsWith("test"))
                        .toList());
    }

    @Test
    void disableFirstReEnablesAfterFailure() {
        api.addWorkflow("wf-1", "Notify", true, "p", null);
        startsExecution("ex-1");
        api.addExecution("ex-1", "Canceled");

        assertThrows(WorkflowTestException.class, () -> runner.run("Notify", input, options(true)));

        assertTrue(WorkflowEnabler.isEnabled(api.workflows.get("wf-1")));
    }

    @Test
    void timeoutNamesLastStatus() {
        api.addWorkflow("wf-1", "Notify", false, "p", null);
        startsExecution("ex-1");
        api.addExecution("ex-1", "Running");

        WorkflowTestException thrown =
                assertThrows(WorkflowTestException.class, () -> runner.run("Notify", input, options(false)));

        assertEquals(
                "Test execution ex-1 of 'Notify' (id wf-1) did not finish within 10 s (last status: Running). Raise"
                        + " <testTimeout> (-Disc.test.timeout=SECONDS) or look at the execution in the ISC UI.",
                thrown.getMessage());
        assertEquals(5, sleeps);
    }

    @Test
    void dryRunStartsNothing() throws Exception {
        api.addWorkflow("wf-1", "Notify", true, "p", null);

        WorkflowTestRunner.Result result = runner.run(
                "Notify",
                input,
                new WorkflowTestRunner.Options(Duration.ofSeconds(1), Duration.ofSeconds(1), true, true));

        assertEquals(null, result.executionId());
        assertEquals(List.of("findWorkflowsByName Notify", "getWorkflow wf-1"), api.calls);
    }

    @Test
    void unknownWorkflowIsNamed() {
        WorkflowTestException thrown =
                assertThrows(WorkflowTestException.class, () -> runner.run("Nope", input, options(false)));

        assertEquals(
                "No workflow on the tenant is named 'Nope'. Deploy it first (isc:deploy) or check <workflow>"
                        + " (-Disc.test.workflow); names are case-sensitive.",
                thrown.getMessage());
    }

    @Test
    void historyWithoutStepShowsAttributes() {
        JsonArray history = JsonParser.parseString(
                        "[{\"type\": \"WorkflowExecutionFailed\", \"attributes\": {\"code\": 7}}]")
                .getAsJsonArray();

        assertEquals("a step failed (WorkflowExecutionFailed): {\"code\":7}", ExecutionHistory.failingStep(history));
        assertEquals("the execution history holds no failed event.", ExecutionHistory.failingStep(new JsonArray()));
    }

    @Test
    void serverErrorOnTestPropagates() {
        api.addWorkflow("wf-1", "Notify", false, "p", null);
        api.failures.put("testWorkflow", new IscException("POST test: 500", 500));

        assertThrows(IscException.class, () -> runner.run("Notify", input, options(false)));
    }
}
