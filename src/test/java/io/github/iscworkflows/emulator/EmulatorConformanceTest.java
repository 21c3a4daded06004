package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.contract.OpenApiContract;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays every operation the plugin uses, and the errors it must understand, against the emulator,
 * and checks each request and response against ISC's OpenAPI document.
 */
class EmulatorConformanceTest {

    private OpenApiContract contract;
    private IscEmulator emulator;
    private EmulatorClient client;
    private String parameterId;

    @BeforeEach
    void start() throws Exception {
        contract = OpenApiContract.loadOrSkip();
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        client = new EmulatorClient(emulator);
        parameterId = emulator.state()
                .addParameter("Items API client", "1.4")
                .get("id")
                .getAsString();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Test
    void workflowLifecycleConforms() {
        String created = exchange(
                "POST", "/v2025/workflows", "application/json", Workflows.withOAuthStep("Call API", parameterId), 200);
        String id = object(created).get("id").getAsString();

        exchange("GET", "/v2025/workflows?limit=250&offset=0", null, null, 200);
        exchange(
                "GET",
                "/v2025/workflows?filters=" + EmulatorWorkflowTest.encode("name eq \"Call API\"") + "&count=true",
                null,
                null,
                200);
        exchange("GET", "/v2025/workflows/" + id + "?workflowMetrics=false", null, null, 200);
        exchange(
                "PUT",
                "/v2025/workflows/" + id,
                "application/json",
                Workflows.withOAuthStep("Call API", parameterId),
                200);
        exchange(
                "PATCH",
                "/v2025/workflows/" + id,
                "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"patched\"}]",
                200);
        String run = exchange(
                "POST", "/v2025/workflows/" + id + "/test", "application/json", "{\"input\": {\"a\": 1}}", 200);
        String executionId = object(run).get("workflowExecutionId").getAsString();
        exchange("GET", "/v2025/workflow-executions/" + executionId, null, null, 200);
        exchange("GET", "/v2025/workflow-executions/" + executionId + "/history", null, null, 200);
        exchange("GET", "/v2025/workflows/" + id + "/executions?limit=10", null, null, 200);
        exchange("POST", "/v2025/workflows/execute/external/" + id, "application/json", "{\"input\": {}}", 200);
        exchange(
                "PATCH",
                "/v2025/workflows/" + id,
                "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]",
                200);
        exchange("POST", "/v2025/workflows/execute/external/" + id, "application/json", "{\"input\": {}}", 200);
        exchange(
                "PATCH",
                "/v2025/workflows/" + id,
                "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]",
                200);
        exchange("DELETE", "/v2025/workflows/" + id, null, null, 204);
    }

    @Test
    void workflowErrorsConform() {
        String id = object(exchange("POST", "/v2025/workflows", "application/json", "{\"name\": \"A\"}", 200))
                .get("id")
                .getAsString();
        exchange(
                "PATCH",
                "/v2025/workflows/" + id,
                "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]",
                200);

        exchange("POST", "/v2025/workflows", "application/json", "{\"name\": \"B\", \"enabled\": true}", 400);
        exchange("GET", "/v2025/workflows/missing", null, null, 404);
        exchange(
                "GET",
                "/v2025/workflows?limit=250&filters=" + EmulatorWorkflowTest.encode("owner eq \"x\""),
                null,
                null,
                400);
        exchange("DELETE", "/v2025/workflows/" + id, null, null, 400);
        exchange("POST", "/v2025/workflows/" + id + "/test", "application/json", "{\"input\": {}}", 400);
    }

    @Test
    void workflowLibraryConforms() {
        exchange("GET", "/v2025/workflow-library/actions", null, null, 200);
        exchange(
                "GET",
                "/v2025/workflow-library/triggers?filters=" + EmulatorWorkflowTest.encode("type eq \"EVENT\""),
                null,
                null,
                200);
        exchange("GET", "/v2025/workflow-library/operators", null, null, 200);
    }

    @Test
    void parameterStorageConforms() {
        String id = object(exchange(
                        "POST",
                        "/v2025/workflows",
                        "application/json",
                        Workflows.withOAuthStep("Call API", parameterId),
                        200))
                .get("id")
                .getAsString();
        client.control("POST", "/emulator/workflows/" + id + "/ui-toggle", null);

        exchange(
                "GET",
                "/v2025/parameter-storage/parameters?filters="
                        + EmulatorWorkflowTest.encode("name in (\"Items API client\")") + "&limit=250&offset=0",
                null,
                null,
                200);
        exchange("GET", "/v2025/parameter-storage/parameters/" + parameterId, null, null, 200);
        String references =
                exchange("GET", "/v2025/parameter-storage/parameters/" + parameterId + "/references", null, null, 200);
        exchange("GET", "/v2025/parameter-storage/parameters/missing", null, null, 404);

        assertEquals(
                1,
                EmulatorClient.array(client.get("/v2025/parameter-storage/parameters/" + parameterId + "/references"))
                        .size());
        assertTrue(references.contains("sp-workflow-config"));
    }

    @Test
    void authAndRateLimitErrorsConform() throws Exception {
        HttpResponse<String> unauthorized =
                client.send(HttpRequest.newBuilder(URI.create(client.url() + "/v2025/workflows"))
                        .GET());
        contract.assertResponse("GET", "/v2025/workflows", 401, contentType(unauthorized), unauthorized.body());

        try (IscEmulator limited = IscEmulator.start(
                EmulatorOptions.builder().rateLimit(1, Duration.ofMinutes(1)).build())) {
            EmulatorClient limitedClient = new EmulatorClient(limited);
            limitedClient.get("/v2025/workflows");
            HttpResponse<String> tooMany = limitedClient.get("/v2025/workflows");

            assertEquals(429, tooMany.statusCode());
            contract.assertResponse("GET", "/v2025/workflows", 429, contentType(tooMany), tooMany.body());
        }
    }

    @Test
    void contractCoversEveryOperationThePluginCalls() {
        List<String> used = List.of(
                "GET /workflows",
                "POST /workflows",
                "GET /workflows/{id}",
                "PUT /workflows/{id}",
                "PATCH /workflows/{id}",
                "DELETE /workflows/{id}",
                "POST /workflows/{id}/test",
                "GET /workflow-executions/{id}",
                "GET /workflow-executions/{id}/history",
                "GET /parameter-storage/parameters",
                "GET /parameter-storage/parameters/{id}",
                "GET /parameter-storage/parameters/{id}/references");

        for (String operation : used) {
            String[] parts = operation.split(" ");
            assertTrue(contract.find(parts[0], parts[1].replace("{id}", "x")).isPresent(), operation);
        }
    }

    /** Sends one request, checks it and its response against the contract, and returns the body. */
    private String exchange(String method, String path, String contentType, String body, int expectedStatus) {
        contract.assertRequest(method, path, query(path), contentType, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.url() + path))
                .header("Authorization", "Bearer " + client.token());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<String> response = client.send(request);

        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        contract.assertResponse(method, path, response.statusCode(), contentType(response), response.body());
        return response.body();
    }

    private static Map<String, String> query(String path) {
        int question = path.indexOf('?');
        return question < 0 ? Map.of() : Request.parseForm(path.substring(question + 1));
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }
}
