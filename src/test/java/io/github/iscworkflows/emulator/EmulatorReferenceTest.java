package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.array;
import static io.github.iscworkflows.emulator.EmulatorClient.errorText;
import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static io.github.iscworkflows.emulator.EmulatorWorkflowTest.encode;
import static io.github.iscworkflows.emulator.EmulatorWorkflowTest.idOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorReferenceTest {

    private IscEmulator emulator;
    private EmulatorClient client;
    private String parameterId;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        client = new EmulatorClient(emulator);
        parameterId = emulator.state()
                .addParameter("Items API client", "1.4")
                .get("id")
                .getAsString();
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    @Test
    void neverModeCreatesNoReference() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");

        JsonObject workflow = object(client.get("/v2025/workflows/" + id));

        assertFalse(oauth(workflow).has("refID"));
        assertEquals(0, array(client.get(referencesPath())).size());
    }

    @Test
    void neverModeKeepsRefIdClientSends() {
        String body = Workflows.withOAuthStep("Call API", parameterId)
                .replace("\"paramType\": \"1.4\"", "\"paramType\": \"1.4\", \"refID\": \"copied\"");

        JsonObject created = object(client.post("/v2025/workflows", body));

        assertEquals("copied", oauth(created).get("refID").getAsString());
    }

    @Test
    void uiToggleCreatesReferenceAndRefId() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));

        HttpResponse<String> toggled = client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null);

        assertEquals(200, toggled.statusCode());
        String refId = oauth(object(toggled)).get("refID").getAsString();
        JsonArray references = array(client.get(referencesPath()));
        assertEquals(1, references.size());
        JsonObject reference = references.get(0).getAsJsonObject();
        assertEquals(refId, reference.get("id").getAsString());
        assertEquals("sp-workflow-config", reference.get("consumerId").getAsString());
        assertEquals(parameterId, reference.get("parameterId").getAsString());
        assertEquals("Workflow " + id, reference.get("name").getAsString());
        assertEquals(
                "{\"workflowId\": \"" + id + "\"}", reference.get("usageHint").getAsString());
        assertEquals(
                refId,
                oauth(object(client.get("/v2025/workflows/" + id))).get("refID").getAsString());
    }

    @Test
    void uiToggleReachesStepsInsideLoops() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withCredentialInLoop("Loop", parameterId)));

        JsonObject toggled = object(client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null));

        JsonObject basic = toggled.getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Loop")
                .getAsJsonObject("attributes")
                .getAsJsonObject("steps")
                .getAsJsonObject("Post Item")
                .getAsJsonObject("attributes")
                .getAsJsonObject("param_basic");
        assertTrue(basic.has("refID"));
        assertEquals(1, emulator.state().referencesOf(parameterId).size());
    }

    @Test
    void uiToggleReplacesRefIdWithoutRecord() {
        String body = Workflows.withOAuthStep("Call API", parameterId)
                .replace("\"paramType\": \"1.4\"", "\"paramType\": \"1.4\", \"refID\": \"copied\"");
        String id = idOf(client.post("/v2025/workflows", body));

        JsonObject toggled = object(client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null));

        assertNotEquals("copied", oauth(toggled).get("refID").getAsString());
    }

    @Test
    void onCreateModeCreatesReference() {
        emulator.state().mode(ReferenceMode.ON_CREATE);

        JsonObject created = object(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));

        String refId = oauth(created).get("refID").getAsString();
        assertEquals(
                refId,
                emulator.state().referencesOf(parameterId).get(0).get("id").getAsString());
    }

    @Test
    void onCreateModeKeepsValidRefIdOnUpdate() {
        emulator.state().mode(ReferenceMode.ON_CREATE);
        JsonObject created = object(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        String id = created.get("id").getAsString();
        String refId = oauth(created).get("refID").getAsString();
        String body = Workflows.withOAuthStep("Call API", parameterId)
                .replace("\"paramType\": \"1.4\"", "\"paramType\": \"1.4\", \"refID\": \"" + refId + "\"");

        JsonObject updated = object(client.put("/v2025/workflows/" + id, body));

        assertEquals(refId, oauth(updated).get("refID").getAsString());
        assertEquals(1, emulator.state().referencesOf(parameterId).size());
    }

    @Test
    void onCreateModeReplacesCopiedRefIdOnUpdate() {
        emulator.state().mode(ReferenceMode.ON_CREATE);
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        String body = Workflows.withOAuthStep("Call API", parameterId)
                .replace("\"paramType\": \"1.4\"", "\"paramType\": \"1.4\", \"refID\": \"copied\"");

        JsonObject updated = object(client.put("/v2025/workflows/" + id, body));

        String refId = oauth(updated).get("refID").getAsString();
        assertNotEquals("copied", refId);
        assertEquals(1, emulator.state().referencesOf(parameterId).size());
        assertEquals(
                refId,
                emulator.state().referencesOf(parameterId).get(0).get("id").getAsString());
    }

    @Test
    void deleteRemovesReferences() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null);

        HttpResponse<String> deleted = client.delete("/v2025/workflows/" + id);

        assertEquals(204, deleted.statusCode());
        assertEquals(0, array(client.get(referencesPath())).size());
    }

    @Test
    void uiToggleSkipsUnknownParameter() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", "not-a-parameter")));

        JsonObject toggled = object(client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null));

        assertFalse(oauth(toggled).has("refID"));
        assertEquals(0, emulator.state().references().size());
    }

    @Test
    void uiToggleOfUnknownWorkflowIs404() {
        HttpResponse<String> response = client.control("POST", "/emulator/workflows/missing/ui-toggle", null);

        assertEquals(404, response.statusCode());
        assertEquals("The workflow missing does not exist.", errorText(response));
    }

    @Test
    void onEnableModeCreatesReferenceWhenEnabled() {
        emulator.state().mode(ReferenceMode.ON_ENABLE);
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        assertEquals(0, emulator.state().references().size());

        JsonObject enabled = object(
                client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]"));

        assertTrue(enabled.get("enabled").getAsBoolean());
        assertEquals(
                oauth(enabled).get("refID").getAsString(),
                emulator.state().references().get(0).get("id").getAsString());
    }

    @Test
    void danglingModeMintsRefIdWithoutRecord() {
        emulator.state().mode(ReferenceMode.DANGLING);

        JsonObject created = object(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));

        assertTrue(oauth(created).has("refID"));
        assertEquals(0, emulator.state().references().size());
    }

    @Test
    void putCarryingLiveRefIdKeepsReference() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        String refId = oauth(object(client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null)))
                .get("refID")
                .getAsString();
        String changed = Workflows.withOAuthStep("Call API", parameterId)
                .replace("\"paramType\": \"1.4\"", "\"paramType\": \"1.4\", \"refID\": \"" + refId + "\"")
                .replace("https://api.example.com/items", "https://api.example.com/v2/items");

        JsonObject updated = object(client.put("/v2025/workflows/" + id, changed));

        assertEquals(refId, oauth(updated).get("refID").getAsString());
        assertEquals(1, emulator.state().referencesOf(parameterId).size());
    }

    @Test
    void putDroppingRefIdRemovesReference() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));
        client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null);

        JsonObject updated =
                object(client.put("/v2025/workflows/" + id, Workflows.withOAuthStep("Call API", parameterId)));

        assertFalse(oauth(updated).has("refID"));
        assertEquals(0, emulator.state().referencesOf(parameterId).size());
    }

    @Test
    void testRunFailsWithoutReference() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));

        HttpResponse<String> started = client.post("/v2025/workflows/" + id + "/test", "{\"input\": {}}");
        String executionId = object(started).get("workflowExecutionId").getAsString();
        JsonObject execution = object(client.get("/v2025/workflow-executions/" + executionId));
        JsonArray history = array(client.get("/v2025/workflow-executions/" + executionId + "/history"));

        assertEquals(200, started.statusCode());
        assertEquals("Failed", execution.get("status").getAsString());
        JsonObject failed = history.get(history.size() - 2).getAsJsonObject();
        assertEquals("ActivityTaskFailed", failed.get("type").getAsString());
        assertEquals(
                "Call API",
                failed.getAsJsonObject("attributes").get("displayName").getAsString());
        assertEquals(
                "failed to retrieve Parameters for authentication type 'oauth': unexpected Parameter configuration",
                failed.getAsJsonObject("attributes").get("error").getAsString());
        assertEquals(
                1,
                emulator.state().workflow(id).orElseThrow().get("failureCount").getAsInt());
    }

    @Test
    void testRunCompletesAfterUiToggle() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withCredentialInLoop("Loop", parameterId)));
        client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null);

        String executionId = object(client.post("/v2025/workflows/" + id + "/test", "{\"input\": {}}"))
                .get("workflowExecutionId")
                .getAsString();

        assertEquals(
                "Completed",
                object(client.get("/v2025/workflow-executions/" + executionId))
                        .get("status")
                        .getAsString());
        assertEquals(
                1, array(client.get("/v2025/workflows/" + id + "/executions")).size());
    }

    @Test
    void testRunRejectsEnabledWorkflow() {
        String id = idOf(client.post("/v2025/workflows", "{\"name\": \"A\"}"));
        client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");

        HttpResponse<String> response = client.post("/v2025/workflows/" + id + "/test", "{\"input\": {}}");

        assertEquals(400, response.statusCode());
        assertEquals(
                "The workflow 'A' is enabled: only a disabled workflow can be tested. Disable it with PATCH"
                        + " /workflows/{id}.",
                errorText(response));
    }

    @Test
    void externalRunOfDisabledWorkflowIsNotExecuted() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", parameterId)));

        HttpResponse<String> response = client.post("/v2025/workflows/execute/external/" + id, "{\"input\": {}}");

        assertEquals(200, response.statusCode());
        assertEquals(
                "Workflow was not executed externally. Check enabled flag on workflow definition",
                object(response).get("message").getAsString());
        assertEquals(0, emulator.state().executions().size());
    }

    @Test
    void parameterSearchFilters() {
        emulator.state().addParameter("Other", "1.1");

        JsonArray byName = array(client.get(
                "/v2025/parameter-storage/parameters?filters=" + encode("name in (\"Items API client\",\"Missing\")")));
        JsonArray byType =
                array(client.get("/v2025/parameter-storage/parameters?filters=" + encode("type eq \"1.1\"")));
        JsonArray byId =
                array(client.get("/v2026/parameter-storage/parameters?filters=" + encode("id eq " + parameterId)));

        assertEquals(1, byName.size());
        assertEquals(parameterId, byName.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("Other", byType.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(1, byId.size());
    }

    @Test
    void unknownParameterIs404() {
        HttpResponse<String> response = client.get("/v2025/parameter-storage/parameters/nope");

        assertEquals(404, response.statusCode());
        assertEquals("The parameter nope does not exist.", errorText(response));
    }

    @Test
    void parameterStorageIsMissingBeforeV2025() {
        HttpResponse<String> response = client.get("/v3/parameter-storage/parameters");

        assertEquals(404, response.statusCode());
    }

    @Test
    void modeChangesThroughControlEndpoint() {
        HttpResponse<String> response = client.control("PUT", "/emulator/mode", "{\"mode\": \"on-enable\"}");

        assertEquals(200, response.statusCode());
        assertEquals(ReferenceMode.ON_ENABLE, emulator.state().mode());
    }

    private String referencesPath() {
        return "/v2025/parameter-storage/parameters/" + parameterId + "/references";
    }

    private static JsonObject oauth(JsonObject workflow) {
        return workflow.getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Call API")
                .getAsJsonObject("attributes")
                .getAsJsonObject("param_oauth");
    }
}
