package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static io.github.iscworkflows.emulator.EmulatorWorkflowTest.idOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API-only ways a user may try to get a reference for an enabled workflow whose credential has
 * none: disabling and enabling it again, or a full PUT of its current body. The table lists, per
 * mode, how many reference records each way leaves.
 */
class EmulatorRefreshTest {

    private IscEmulator emulator;
    private EmulatorClient client;
    private String parameterId;
    private String workflowId;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        client = new EmulatorClient(emulator);
        parameterId = emulator.state()
                .addParameter("Items API client", "1.4")
                .get("id")
                .getAsString();
        workflowId = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        client.patch("/v2025/workflows/" + workflowId, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    @ParameterizedTest
    @CsvSource({"NEVER, 0", "ON_CREATE, 1", "ON_ENABLE, 1", "DANGLING, 0"})
    void disableThenEnable(ReferenceMode mode, int expectedReferences) {
        emulator.state().mode(mode);
        removeReferences();

        client.patch("/v2025/workflows/" + workflowId, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]");
        client.patch("/v2025/workflows/" + workflowId, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");

        assertEquals(
                expectedReferences, emulator.state().referencesOf(parameterId).size());
    }

    @ParameterizedTest
    @CsvSource({"NEVER, 0", "ON_CREATE, 1", "ON_ENABLE, 1", "DANGLING, 0"})
    void fullPutOfCurrentBody(ReferenceMode mode, int expectedReferences) {
        emulator.state().mode(mode);
        removeReferences();
        JsonObject current = object(client.get("/v2025/workflows/" + workflowId));

        int status =
                client.put("/v2025/workflows/" + workflowId, current.toString()).statusCode();

        assertEquals(200, status);
        assertEquals(
                expectedReferences, emulator.state().referencesOf(parameterId).size());
    }

    /** Starts each case from an enabled workflow whose credential has no refID and no record. */
    private void removeReferences() {
        JsonObject seed = emulator.state().snapshot();
        seed.add("references", new JsonArray());
        JsonObject workflow = emulator.state().workflow(workflowId).orElseThrow();
        workflow.getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Call API")
                .getAsJsonObject("attributes")
                .getAsJsonObject("param_oauth")
                .remove("refID");
        JsonArray workflows = new JsonArray();
        workflows.add(workflow);
        seed.add("workflows", workflows);
        emulator.state().replace(seed);
    }
}
