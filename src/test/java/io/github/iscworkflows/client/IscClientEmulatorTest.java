package io.github.iscworkflows.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.Fault;
import io.github.iscworkflows.emulator.IscEmulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the embedded emulator: the two halves must agree on paths, paging and errors. */
class IscClientEmulatorTest {

    private IscEmulator emulator;
    private IscClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        client = new IscClient(IscClientConfig.builder(
                        emulator.url(), EmulatorOptions.DEFAULT_CLIENT_ID, EmulatorOptions.DEFAULT_CLIENT_SECRET)
                .random(() -> 0.0)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void workflowLifecycle() throws Exception {
        JsonObject created = client.createWorkflow(workflow("Lifecycle \"quoted\""));
        String id = created.get("id").getAsString();

        List<JsonObject> found = client.findWorkflowsByName("Lifecycle \"quoted\"");
        JsonArray describe = JsonParser.parseString("[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"d\"}]")
                .getAsJsonArray();
        JsonObject patched = client.patchWorkflow(id, describe);
        client.deleteWorkflow(id);

        assertEquals(1, found.size());
        assertEquals(id, found.get(0).get("id").getAsString());
        assertEquals("d", patched.get("description").getAsString());
        assertTrue(client.getWorkflow(id).isEmpty());
    }

    @Test
    void listingReadsEveryPage() throws Exception {
        for (int i = 0; i < 260; i++) {
            client.createWorkflow(workflow("Workflow " + i));
        }

        List<JsonObject> all = client.listWorkflows(null);

        assertEquals(260, all.size());
        assertEquals(1 + 260 + 2, client.requestCount());
    }

    @Test
    void createRefusedWhenEnabledShowsEmulatorMessage() {
        JsonObject enabled = workflow("Enabled");
        enabled.addProperty("enabled", true);

        IscException e = assertThrows(IscException.class, () -> client.createWorkflow(enabled));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("POST /v2025/workflows returned 400 Bad Request: "), e.getMessage());
        assertTrue(e.getMessage().contains("A workflow cannot be created enabled"), e.getMessage());
        assertFalse(e.getMessage().contains(EmulatorOptions.DEFAULT_CLIENT_SECRET + "\""), e.getMessage());
    }

    @Test
    void serverErrorThenSuccessIsRetried() throws Exception {
        emulator.faults().add(Fault.status("/workflows", 503).method("GET").times(2));

        List<JsonObject> all = client.listWorkflows(null);

        assertEquals(0, all.size());
        assertEquals(1 + 3, client.requestCount());
    }

    private static JsonObject workflow(String name) {
        JsonObject workflow = JsonParser.parseString(
                        "{\"definition\":{\"start\":\"End\",\"steps\":{\"End\":{\"type\":\"success\"}}},"
                                + "\"trigger\":{\"type\":\"EXTERNAL\",\"attributes\":{}}}")
                .getAsJsonObject();
        workflow.addProperty("name", name);
        return workflow;
    }
}
