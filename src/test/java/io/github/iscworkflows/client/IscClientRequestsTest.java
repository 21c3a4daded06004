package io.github.iscworkflows.client;

import static io.github.iscworkflows.client.ScriptedIsc.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class IscClientRequestsTest extends ClientTestBase {

    @Test
    void tokenIsFetchedOnceAndSentAsBearer() throws Exception {
        isc.then(json(200, "[]")).then(json(200, "[]"));

        client.listWorkflows(null);
        client.listWorkflows(null);

        List<RecordedRequest> requests = isc.requests();
        assertEquals(3, requests.size());
        RecordedRequest token = requests.get(0);
        assertEquals("POST", token.getMethod());
        assertEquals("/oauth/token", token.getUrl().encodedPath());
        assertEquals(
                "grant_type=client_credentials&client_id=build-client&client_secret=s3cr3t-Value-42",
                token.getBody().utf8());
        assertEquals(
                "application/x-www-form-urlencoded; charset=UTF-8",
                token.getHeaders().get("Content-Type"));
        assertEquals("Bearer token-1", requests.get(1).getHeaders().get("Authorization"));
        assertEquals("Bearer token-1", requests.get(2).getHeaders().get("Authorization"));
        assertEquals(3, client.requestCount());
    }

    @Test
    void tokenIsRefreshedShortlyBeforeExpiry() throws Exception {
        isc.then(json(200, "[]")).then(json(200, "[]")).then(json(200, "[]"));

        client.listWorkflows(null);
        time.advance(Duration.ofSeconds(749 - 61));
        client.listWorkflows(null);
        time.advance(Duration.ofSeconds(2));
        client.listWorkflows(null);

        List<String> authorizations = isc.apiRequests().stream()
                .map(r -> r.getHeaders().get("Authorization"))
                .toList();
        assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), authorizations);
    }

    @Test
    void apiPathsCarryTheVersion() throws Exception {
        useClient(config().apiVersion("v2026"));
        isc.then(json(200, "{\"id\":\"w1\"}"));

        client.getWorkflow("w1");

        assertEquals(List.of("GET /v2026/workflows/w1?workflowMetrics=false HTTP/1.1"), isc.apiRequestLines());
    }

    @Test
    void listingFollowsPagesUntilShortPage() throws Exception {
        isc.then(json(200, workflows(0, 250)))
                .then(json(200, workflows(250, 250)))
                .then(json(200, workflows(500, 17)));

        List<JsonObject> all = client.listWorkflows(null);

        assertEquals(517, all.size());
        assertEquals("w516", all.get(516).get("id").getAsString());
        assertEquals(
                List.of(
                        "GET /v2025/workflows?limit=250&offset=0&count=true HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=250&count=true HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=500&count=true HTTP/1.1"),
                isc.apiRequestLines());
    }

    @Test
    void listingStopsAtTotalCount() throws Exception {
        isc.then(page(workflows(0, 250), 500)).then(page(workflows(250, 250), 500));

        List<JsonObject> all = client.listWorkflows(null);

        assertEquals(500, all.size());
        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void truncatedListingThrows() {
        isc.then(page(workflows(0, 250), 600))
                .then(page(workflows(250, 250), 600))
                .then(page(workflows(500, 3), 600));

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows listed 503 of 600 items (X-Total-Count); the listing is incomplete, so no"
                        + " decision is taken from it. Run the build again; if it persists, the tenant's paging is"
                        + " failing.",
                e.getMessage());
    }

    @Test
    void listingThatRepeatsAPageFailsAtThatPage() {
        isc.then(json(200, workflows(0, 250))).then(json(200, workflows(0, 250)));

        ListingException e = assertThrows(ListingException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows repeats the page at offset 250: every item on it was listed at an earlier"
                        + " offset, so the server seems to ignore the offset parameter. The listing was stopped and no"
                        + " decision is taken from it; if a proxy or gateway sits in front of the tenant, check that"
                        + " it passes the query string on.",
                e.getMessage());
        assertTrue(e.truncated());
        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void listingThatRepeatsAPageDespiteTotalCountFails() {
        isc.then(page(workflows(0, 250), 500)).then(page(workflows(0, 250), 500));

        ListingException e = assertThrows(ListingException.class, () -> client.listWorkflows(null));

        assertTrue(e.getMessage().startsWith("GET /v2025/workflows repeats the page at offset 250:"), e.getMessage());
    }

    @Test
    void listingWithAnIdOnTwoPagesFails() {
        isc.then(json(200, workflows(0, 250))).then(json(200, workflows(249, 10)));

        ListingException e = assertThrows(ListingException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows listed the item with id w249 twice (offsets 249 and 250): the collection"
                        + " changed while it was read, so items may be missing as well. No decision is taken from the"
                        + " listing; run the build again.",
                e.getMessage());
    }

    @Test
    void failedPageThrowsInsteadOfPartialResult() {
        isc.then(json(200, workflows(0, 250)))
                .then(json(
                        400,
                        "{\"detailCode\":\"400.1 Bad Request Content\",\"messages\":[{\"text\":\"offset"
                                + " too large\"}]}"));

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows returned 400 Bad Request: offset too large (detailCode 400.1 Bad Request"
                        + " Content)",
                e.getMessage());
    }

    @Test
    void rejectedCountIsDroppedAndRemembered() throws Exception {
        isc.then(json(
                        400,
                        "{\"detailCode\":\"400.1 Bad Request Content\",\"messages\":[{\"text\":\"Unknown"
                                + " parameter count\"}]}"))
                .then(json(200, workflows(0, 2)))
                .then(json(200, workflows(0, 2)));

        List<JsonObject> first = client.listWorkflows(null);
        List<JsonObject> second = client.listWorkflows(null);

        assertEquals(2, first.size());
        assertEquals(2, second.size());
        assertEquals(
                List.of(
                        "GET /v2025/workflows?limit=250&offset=0&count=true HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=0 HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=0 HTTP/1.1"),
                isc.apiRequestLines());
        assertTrue(log.lines()
                .contains("[info] GET /v2025/workflows rejected count=true (GET /v2025/workflows returned 400 Bad"
                        + " Request: Unknown parameter count (detailCode 400.1 Bad Request Content)), so listings"
                        + " there no longer send it; an incomplete listing is then noticed only by a short page."));
    }

    @Test
    void badRequestTwiceIsNotBlamedOnCount() {
        isc.then(json(400, "{\"message\":\"broken\"}")).then(json(400, "{\"message\":\"still broken\"}"));

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals("GET /v2025/workflows returned 400 Bad Request: still broken", e.getMessage());
        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void findByNameEscapesFilter() throws Exception {
        isc.then(
                json(200, "[{\"id\":\"a\",\"name\":\"Say \\\"hi\\\"\"},{\"id\":\"b\",\"name\":\"Say \\\"hi\\\" 2\"}]"));

        List<JsonObject> found = client.findWorkflowsByName("Say \"hi\"");

        assertEquals(1, found.size());
        assertEquals("a", found.get(0).get("id").getAsString());
        RecordedRequest request = isc.apiRequests().get(0);
        assertEquals("name eq \"Say \\\"hi\\\"\"", request.getUrl().queryParameter("filters"));
    }

    @Test
    void rejectedFilterFallsBackToListing() throws Exception {
        isc.then(json(
                        400,
                        "{\"detailCode\":\"400.1 Bad Request Content\",\"messages\":[{\"text\":\"filters"
                                + " not supported\"}]}"))
                .then(json(200, "[{\"id\":\"a\",\"name\":\"Other\"},{\"id\":\"b\",\"name\":\"Wanted\"}]"))
                .then(json(200, "[{\"id\":\"b\",\"name\":\"Wanted\"}]"));

        List<JsonObject> first = client.findWorkflowsByName("Wanted");
        List<JsonObject> second = client.findWorkflowsByName("Wanted");

        assertEquals("b", first.get(0).get("id").getAsString());
        assertEquals(1, second.size());
        assertEquals(
                List.of(
                        "GET /v2025/workflows?limit=250&offset=0&count=true&filters=name%20eq%20%22Wanted%22 HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=0&count=true HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=0&count=true HTTP/1.1"),
                isc.apiRequestLines());
    }

    @Test
    void serverErrorSkipsListingFallback() {
        useClient(config().maxRetries(0));
        isc.then(json(
                500,
                "{\"detailCode\":\"500.0 Internal Fault\",\"messages\":[{\"text\":\"An internal fault"
                        + " occurred.\"}],\"trackingId\":\"t-1\"}"));

        IscException e = assertThrows(IscException.class, () -> client.findWorkflowsByName("Wanted"));

        assertEquals(500, e.status());
        assertEquals(1, isc.apiRequests().size());
    }

    @Test
    void listingToleratesMissingOptionalFields() throws Exception {
        String sparse = "[{\"id\":\"a\",\"name\":\"Sparse\",\"definition\":{\"start\":\"End\"},"
                + "\"trigger\":{\"type\":\"SOMETHING_NEW\",\"attributes\":null}},"
                + "{\"id\":\"b\",\"trigger\":null}]";
        isc.then(json(200, sparse)).then(json(200, sparse));

        List<JsonObject> all = client.listWorkflows(null);
        List<JsonObject> found = client.findWorkflowsByName("Sparse");

        assertEquals(2, all.size());
        assertEquals(1, found.size());
        assertEquals("a", found.get(0).get("id").getAsString());
        assertTrue(log.lines()
                .contains(
                        "[debug] Ignoring a workflow without a name in the listing: {\"id\":\"b\",\"trigger\":null}"));
    }

    @Test
    void getWorkflowReturnsEmptyOn404() throws Exception {
        isc.then(json(404, "{\"detailCode\":\"404 Not found\",\"messages\":[{\"text\":\"not found\"}]}"));

        Optional<JsonObject> workflow = client.getWorkflow("gone");

        assertTrue(workflow.isEmpty());
    }

    @Test
    void numbersAndBooleansSurviveRequestAndResponse() throws Exception {
        String body = "{\"name\":\"Numbers\",\"versionNumber\":2,\"limit\":250,\"variableB\":true,"
                + "\"variableS\":\"true\",\"price\":1.50,\"big\":12345678901234567890,\"exp\":1e3}";
        isc.then(request -> json(200, request.getBody().utf8()));

        JsonObject created = client.createWorkflow(JsonParser.parseString(body).getAsJsonObject());

        assertEquals(body, isc.apiRequests().get(0).getBody().utf8());
        assertEquals(body, created.toString());
        assertTrue(created.get("variableB").getAsJsonPrimitive().isBoolean());
        assertTrue(created.get("variableS").getAsJsonPrimitive().isString());
    }

    @Test
    void patchSendsJsonPatchMediaType() throws Exception {
        isc.then(json(200, "{\"id\":\"abc\",\"enabled\":true}"));
        JsonArray operations = JsonParser.parseString("[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]")
                .getAsJsonArray();

        client.patchWorkflow("abc", operations);

        RecordedRequest request = isc.apiRequests().get(0);
        assertEquals("PATCH /v2025/workflows/abc HTTP/1.1", request.getRequestLine());
        assertEquals(
                "application/json-patch+json; charset=UTF-8",
                request.getHeaders().get("Content-Type"));
        assertEquals(
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]",
                request.getBody().utf8());
    }

    @Test
    void testWorkflowWrapsInput() throws Exception {
        isc.then(json(200, "{\"workflowExecutionId\":\"e1\"}"));

        JsonObject started = client.testWorkflow(
                "abc", JsonParser.parseString("{\"identity\":{\"id\":\"i1\"}}").getAsJsonObject());

        assertEquals("e1", started.get("workflowExecutionId").getAsString());
        assertEquals(
                "{\"input\":{\"identity\":{\"id\":\"i1\"}}}",
                isc.apiRequests().get(0).getBody().utf8());
    }

    @Test
    void otherCallsUseDocumentedPaths() throws Exception {
        isc.then(json(200, "{\"id\":\"e1\"}"))
                .then(json(200, "[{\"type\":\"WorkflowExecutionStarted\"}]"))
                .then(json(200, "[{\"id\":\"p1\"}]"))
                .then(json(200, "{\"id\":\"p1\"}"))
                .then(json(200, "[{\"id\":\"r1\"}]"))
                .then(json(200, "[{\"id\":\"i1\"}]"))
                .then(new MockResponse.Builder().code(204).build())
                .then(json(200, "{\"id\":\"w1\"}"));

        client.getExecution("e1");
        JsonArray history = client.getExecutionHistory("e1");
        client.searchParameters("name eq \"oauth\"");
        client.getParameter("p1");
        client.getParameterReferences("p1");
        client.searchIdentities("name eq \"Jane Doe\"");
        client.deleteWorkflow("w1");
        client.updateWorkflow("w1", JsonParser.parseString("{\"name\":\"W\"}").getAsJsonObject());

        assertEquals(1, history.size());
        assertEquals(
                List.of(
                        "GET /v2025/workflow-executions/e1 HTTP/1.1",
                        "GET /v2025/workflow-executions/e1/history?limit=250&offset=0&count=true HTTP/1.1",
                        "GET /v2025/parameter-storage/parameters?limit=250&offset=0&count=true"
                                + "&filters=name%20eq%20%22oauth%22 HTTP/1.1",
                        "GET /v2025/parameter-storage/parameters/p1 HTTP/1.1",
                        "GET /v2025/parameter-storage/parameters/p1/references?limit=250&offset=0&count=true HTTP/1.1",
                        "GET /v2025/identities?limit=250&offset=0&count=true&filters=name%20eq%20%22Jane%20Doe%22"
                                + " HTTP/1.1",
                        "DELETE /v2025/workflows/w1 HTTP/1.1",
                        "PUT /v2025/workflows/w1 HTTP/1.1"),
                isc.apiRequestLines());
    }

    @Test
    void requestCountIsThreadSafe() throws Exception {
        for (int i = 0; i < 40; i++) {
            isc.then(json(200, "{\"id\":\"w\"}"));
        }
        client.getWorkflow("warm-up");
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 9; i++) {
                    try {
                        client.getWorkflow("w");
                    } catch (IscException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // A pooled connection that the server closed can cost one retried request, so compare the
        // client's count with what the server received rather than with a fixed number.
        assertEquals(isc.requests().size(), client.requestCount());
        assertTrue(client.requestCount() >= 1 + 1 + 36);
        assertFalse(log.lines().isEmpty());
    }

    static String workflows(int from, int count) {
        JsonArray array = new JsonArray();
        for (int i = from; i < from + count; i++) {
            JsonObject workflow = new JsonObject();
            workflow.addProperty("id", "w" + i);
            workflow.addProperty("name", "Workflow " + i);
            array.add(workflow);
        }
        return array.toString();
    }

    static MockResponse page(String body, int total) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Total-Count", total)
                .body(body)
                .build();
    }
}
