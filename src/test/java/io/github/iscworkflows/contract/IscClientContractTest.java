package io.github.iscworkflows.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code IscApi} call of the real client against the emulator and checks each request the
 * client sent against ISC's OpenAPI document.
 */
class IscClientContractTest {

    private OpenApiContract contract;
    private IscEmulator emulator;
    private IscClient client;

    @BeforeEach
    void start() throws Exception {
        contract = OpenApiContract.loadOrSkip();
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        emulator.recordRequests(true);
        client = new IscClient(IscClientConfig.builder(emulator.url(), "emulator", "emulator")
                .connectTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(20))
                .maxRetries(0)
                .build());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Test
    void everyClientCallConforms() throws Exception {
        String parameterId = emulator.state()
                .addParameter("Items API client", "1.4")
                .get("id")
                .getAsString();
        emulator.state().addIdentity("Jane Doe");
        JsonObject body = JsonParser.parseString("""
                        {"name": "Call API", "definition": {"start": "Call", "steps": {"Call": {"actionId": "sp:http",
                         "attributes": {"param_oauth": {"paramID": "%s", "paramType": "1.4", "mapping": {}}},
                         "nextStep": "End", "type": "action"}, "End": {"type": "success"}}},
                         "trigger": {"type": "EXTERNAL", "attributes": {"name": "call-api"}}}
                        """.formatted(parameterId)).getAsJsonObject();

        String id = client.createWorkflow(body).get("id").getAsString();
        List<JsonObject> all = client.listWorkflows(null);
        List<JsonObject> byName = client.findWorkflowsByName("Call API");
        JsonObject read = client.getWorkflow(id).orElseThrow();
        body.addProperty("description", "updated");
        client.updateWorkflow(id, body);
        JsonArray disable = JsonParser.parseString("[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]")
                .getAsJsonArray();
        client.patchWorkflow(id, disable);
        String executionId = client.testWorkflow(id, new JsonObject())
                .get("workflowExecutionId")
                .getAsString();
        JsonObject execution = client.getExecution(executionId).orElseThrow();
        JsonArray history = client.getExecutionHistory(executionId);
        List<JsonObject> parameters = client.searchParameters("name eq \"Items API client\"");
        JsonObject parameter = client.getParameter(parameterId).orElseThrow();
        List<JsonObject> references = client.getParameterReferences(parameterId);
        List<JsonObject> identities = client.searchIdentities("name eq \"Jane Doe\"");
        client.deleteWorkflow(id);

        assertEquals(1, all.size());
        assertEquals(1, byName.size());
        assertEquals("Call API", read.get("name").getAsString());
        assertEquals("Failed", execution.get("status").getAsString());
        assertFalse(history.isEmpty());
        assertEquals(1, parameters.size());
        assertEquals(parameterId, parameter.get("id").getAsString());
        assertTrue(references.isEmpty());
        assertEquals(1, identities.size());
        assertTrue(client.getWorkflow(id).isEmpty());
        assertRequestsConform();
    }

    /** Checks every recorded request that the document covers; the token and identity calls are outside it. */
    private void assertRequestsConform() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (RecordedRequest request : emulator.recordedRequests()) {
            if (request.path().equals("/oauth/token") || request.path().endsWith("/identities")) {
                continue;
            }
            problems.addAll(contract.checkRequest(
                    request.method(), request.path(), request.query(), request.contentType(), request.body()));
            checked++;
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 14, "checked " + checked + " requests");
    }
}
