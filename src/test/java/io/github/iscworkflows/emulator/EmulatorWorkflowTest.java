package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.array;
import static io.github.iscworkflows.emulator.EmulatorClient.errorText;
import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorWorkflowTest {

    private IscEmulator emulator;
    private EmulatorClient client;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        client = new EmulatorClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.stop();
    }

    @Test
    void tokenWithDefaultCredentials() {
        HttpResponse<String> response = client.requestToken("emulator", "emulator");

        assertEquals(200, response.statusCode());
        JsonObject body = object(response);
        assertFalse(body.get("access_token").getAsString().isEmpty());
        assertEquals("bearer", body.get("token_type").getAsString());
        assertEquals(43200, body.get("expires_in").getAsLong());
    }

    @Test
    void tokenWithWrongSecretIsRejected() {
        HttpResponse<String> response = client.requestToken("emulator", "wrong");

        assertEquals(401, response.statusCode());
        assertEquals("Bad client credentials", object(response).get("error").getAsString());
    }

    @Test
    void apiCallWithoutTokenIsRejected() {
        HttpResponse<String> response =
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.url() + "/v2025/workflows"))
                        .GET());

        assertEquals(401, response.statusCode());
        assertEquals(
                "Authorization header is missing: send 'Authorization: Bearer <token>'.",
                object(response).get("error").getAsString());
    }

    @Test
    void createFillsServerFields() {
        HttpResponse<String> response = client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", "p-1"));

        assertEquals(200, response.statusCode());
        JsonObject created = object(response);
        assertNotNull(created.get("id"));
        assertNotNull(created.get("created"));
        assertNotNull(created.get("modified"));
        assertEquals("IDENTITY", created.getAsJsonObject("creator").get("type").getAsString());
        assertEquals(
                EmulatorState.CLIENT_IDENTITY_ID,
                created.getAsJsonObject("owner").get("id").getAsString());
        assertEquals(0, created.get("executionCount").getAsInt());
        assertEquals(0, created.get("failureCount").getAsInt());
        assertFalse(created.get("enabled").getAsBoolean());
        assertEquals("EXTERNAL", created.getAsJsonObject("trigger").get("type").getAsString());
    }

    @Test
    void createRejectsEnabledWorkflow() {
        String body = Workflows.withOAuthStep("Enabled", "p-1").replace("\"enabled\": false", "\"enabled\": true");

        HttpResponse<String> response = client.post("/v2025/workflows", body);

        assertEquals(400, response.statusCode());
        assertEquals(
                "A workflow cannot be created enabled: send \"enabled\": false or leave it out, then enable it with"
                        + " PATCH /workflows/{id}.",
                errorText(response));
        assertEquals(0, emulator.state().workflows().size());
    }

    @Test
    void createWithoutNameIsRejected() {
        HttpResponse<String> response = client.post("/v2025/workflows", "{\"description\": \"no name\"}");

        assertEquals(400, response.statusCode());
        JsonObject body = object(response);
        assertEquals("400.1 Bad Request Content", body.get("detailCode").getAsString());
        assertEquals(32, body.get("trackingId").getAsString().length());
        assertEquals("The workflow 'name' is required and must be a non-empty string.", errorText(response));
    }

    @Test
    void unknownWorkflowIs404() {
        HttpResponse<String> response = client.get("/v2025/workflows/missing");

        assertEquals(404, response.statusCode());
        assertEquals("The workflow missing does not exist.", errorText(response));
    }

    @Test
    void listFiltersSortsAndPages() {
        client.post("/v2025/workflows", "{\"name\": \"B\"}");
        client.post("/v2025/workflows", "{\"name\": \"A\"}");
        client.post("/v2025/workflows", "{\"name\": \"C\"}");

        HttpResponse<String> byName = client.get("/v2025/workflows?filters=" + encode("name eq \"B\""));
        HttpResponse<String> sorted = client.get("/v2025/workflows?sorters=-name&limit=2&offset=0&count=true");
        HttpResponse<String> disabled = client.get("/v3/workflows?filters=" + encode("enabled eq false"));

        assertEquals(1, array(byName).size());
        assertEquals("B", array(byName).get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(2, array(sorted).size());
        assertEquals("C", array(sorted).get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("B", array(sorted).get(1).getAsJsonObject().get("name").getAsString());
        assertEquals("3", sorted.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(3, array(disabled).size());
    }

    @Test
    void listRejectsLimitAbove250() {
        HttpResponse<String> response = client.get("/v2025/workflows?limit=251");

        assertEquals(400, response.statusCode());
        assertEquals("Invalid limit 251: the maximum is 250.", errorText(response));
    }

    @Test
    void listRejectsUnknownFilterField() {
        HttpResponse<String> response = client.get("/v2025/workflows?filters=" + encode("owner eq \"x\""));

        assertEquals(400, response.statusCode());
        assertEquals(
                "Invalid filter 'owner eq \"x\"': the field 'owner' is not supported. Supported fields: enabled (eq),"
                        + " id (eq), name (eq).",
                errorText(response));
    }

    @Test
    void putReplacesWholeBodyAndWipesMissingTrigger() {
        JsonObject created = object(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", "p-1")));
        String id = created.get("id").getAsString();

        HttpResponse<String> response = client.put("/v2025/workflows/" + id, "{\"name\": \"Renamed\"}");

        assertEquals(200, response.statusCode());
        JsonObject updated = object(response);
        assertEquals("Renamed", updated.get("name").getAsString());
        assertFalse(updated.has("trigger"));
        assertFalse(updated.has("definition"));
        assertEquals(created.get("created"), updated.get("created"));
        assertEquals(created.get("owner"), updated.get("owner"));
    }

    @Test
    void patchReplacesNestedDefinitionValue() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withOAuthStep("Call API", "p-1")));

        HttpResponse<String> response = client.patch(
                "/v2025/workflows/" + id,
                "[{\"op\":\"test\",\"path\":\"/name\",\"value\":\"Call API\"},"
                        + "{\"op\":\"replace\",\"path\":\"/definition/steps/Call API/attributes/url\",\"value\":\"https://x\"},"
                        + "{\"op\":\"add\",\"path\":\"/description\",\"value\":\"patched\"}]");

        assertEquals(200, response.statusCode());
        JsonObject patched = object(response);
        assertEquals("patched", patched.get("description").getAsString());
        assertEquals(
                "https://x",
                patched.getAsJsonObject("definition")
                        .getAsJsonObject("steps")
                        .getAsJsonObject("Call API")
                        .getAsJsonObject("attributes")
                        .get("url")
                        .getAsString());
    }

    @Test
    void patchRejectsReadOnlyPath() {
        String id = idOf(client.post("/v2025/workflows", "{\"name\": \"A\"}"));

        HttpResponse<String> response =
                client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"x\"}]");

        assertEquals(400, response.statusCode());
        assertEquals(
                "Invalid JSON Patch operation 0: the path '/id' cannot be patched: patchable paths are /name, /owner,"
                        + " /description, /enabled, /definition, /trigger and paths below /definition and /trigger.",
                errorText(response));
    }

    @Test
    void patchWithFailedTestChangesNothing() {
        String id = idOf(client.post("/v2025/workflows", "{\"name\": \"A\"}"));

        HttpResponse<String> response = client.patch(
                "/v2025/workflows/" + id,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"B\"},{\"op\":\"test\",\"path\":\"/name\",\"value\":\"A\"}]");

        assertEquals(400, response.statusCode());
        assertEquals(
                "Invalid JSON Patch operation 1: test failed: /name is \"B\", expected \"A\".", errorText(response));
        assertEquals(
                "A", emulator.state().workflow(id).orElseThrow().get("name").getAsString());
    }

    @Test
    void patchNeedsJsonPatchContentType() {
        String id = idOf(client.post("/v2025/workflows", "{\"name\": \"A\"}"));

        HttpResponse<String> response = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.url() + "/v2025/workflows/" + id))
                        .header("Authorization", "Bearer " + client.token())
                        .header("Content-Type", "application/json")
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("[]")));

        assertEquals(415, response.statusCode());
    }

    @Test
    void enablingTemplateInJsonPathKeyIsRejected() {
        String id = idOf(client.post("/v2025/workflows", Workflows.withTemplateInJsonPathKey("Greeter")));

        HttpResponse<String> response =
                client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");

        assertEquals(400, response.statusCode());
        JsonObject body = object(response);
        assertEquals("invalid workflow definition", body.get("message").getAsString());
        assertEquals(
                "the value of 'subject.$' must be a JSONPath starting with '$', found \"Hi {{$.x}}\"",
                body.getAsJsonObject("details").get("Send Email.subject.$").getAsString());
        assertFalse(emulator.state().workflow(id).orElseThrow().get("enabled").getAsBoolean());
    }

    @Test
    void deleteRejectsEnabledWorkflow() {
        String id = idOf(client.post("/v2025/workflows", "{\"name\": \"A\"}"));
        client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]");

        HttpResponse<String> refused = client.delete("/v2025/workflows/" + id);
        client.patch("/v2025/workflows/" + id, "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]");
        HttpResponse<String> deleted = client.delete("/v2025/workflows/" + id);

        assertEquals(400, refused.statusCode());
        assertEquals(
                "The workflow 'A' is enabled and cannot be deleted: disable it first with PATCH /workflows/{id}"
                        + " [{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}].",
                errorText(refused));
        assertEquals(204, deleted.statusCode());
        assertTrue(emulator.state().workflow(id).isEmpty());
    }

    @Test
    void everyVersionPrefixServesWorkflows() {
        for (String version : new String[] {"v3", "beta", "v2024", "v2025", "v2026"}) {
            assertEquals(200, client.get("/" + version + "/workflows").statusCode(), version);
        }
        assertEquals(404, client.get("/v1/workflows").statusCode());
    }

    @Test
    void statsCountByTemplate() {
        String id = idOf(client.post("/v2025/workflows", "{\"name\": \"A\"}"));
        client.get("/v2025/workflows/" + id);
        client.get("/v3/workflows/" + id + "?workflowMetrics=false");

        HttpResponse<String> stats = client.control("GET", "/emulator/stats", null);

        assertEquals(2, emulator.stats().count("GET /workflows/{id}"));
        assertEquals(1, emulator.stats().count("POST /workflows"));
        assertEquals(1, emulator.stats().count("POST /oauth/token"));
        assertEquals(4, emulator.stats().total());
        assertEquals(4, object(stats).get("total").getAsLong());
        assertEquals(
                2,
                object(stats)
                        .getAsJsonObject("requests")
                        .get("GET /workflows/{id}")
                        .getAsLong());
    }

    static String idOf(HttpResponse<String> response) {
        return object(response).get("id").getAsString();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
