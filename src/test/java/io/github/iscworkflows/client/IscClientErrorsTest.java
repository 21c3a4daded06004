package io.github.iscworkflows.client;

import static io.github.iscworkflows.client.ScriptedIsc.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class IscClientErrorsTest extends ClientTestBase {

    private static final JsonArray ENABLE = JsonParser.parseString(
                    "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]")
            .getAsJsonArray();

    @Test
    void standardErrorBodyShowsTextsCodeAndTrackingId() {
        isc.then(json(
                400,
                "{\"detailCode\":\"400.1 Bad Request Content\",\"trackingId\":\"5f0c2b9e\",\"messages\":[{\"locale\":"
                        + "\"en-US\",\"localeOrigin\":\"DEFAULT\",\"text\":\"The request was syntactically correct"
                        + " but its content is semantically invalid.\"}],\"causes\":[{\"text\":\"definition.start"
                        + " is required\"}]}"));

        IscException e = assertThrows(IscException.class, () -> client.patchWorkflow("abc", ENABLE));

        assertEquals(
                "PATCH /v2025/workflows/abc returned 400 Bad Request: The request was syntactically correct but its"
                        + " content is semantically invalid.; definition.start is required (detailCode 400.1 Bad"
                        + " Request Content, trackingId 5f0c2b9e)",
                e.getMessage());
        assertEquals(400, e.status());
        assertEquals("400.1 Bad Request Content", e.detailCode());
        assertEquals("5f0c2b9e", e.trackingId());
        assertEquals(
                List.of(
                        "The request was syntactically correct but its content is semantically invalid.",
                        "definition.start is required"),
                e.texts());
        assertTrue(e.isClientError());
    }

    @Test
    void conflictBodyShowsNameAndMessage() {
        isc.then(json(
                409,
                "{\"errorName\":\"ConflictException\",\"errorMessage\":\"Failed to store object\","
                        + "\"trackingId\":\"e7eab609\"}"));

        IscException e = assertThrows(IscException.class, () -> client.patchWorkflow("abc", ENABLE));

        assertEquals(
                "PATCH /v2025/workflows/abc returned 409 Conflict: ConflictException; Failed to store object"
                        + " (trackingId e7eab609)",
                e.getMessage());
    }

    @Test
    void workflowRefusalShowsEveryDetail() {
        isc.then(json(
                400,
                "{\"message\":\"Workflow is invalid\",\"details\":{\"Send Email\":\"subject.$ must be a JSONPath\","
                        + "\"HTTP Request\":\"missing authentication type\"}}"));

        IscException e = assertThrows(IscException.class, () -> client.patchWorkflow("abc", ENABLE));

        assertEquals(
                "PATCH /v2025/workflows/abc returned 400 Bad Request: Workflow is invalid; Send Email: subject.$ must"
                        + " be a JSONPath; HTTP Request: missing authentication type",
                e.getMessage());
        assertNull(e.trackingId());
    }

    @Test
    void htmlErrorPageShowsContentTypeAndExcerpt() {
        useClient(config().maxRetries(0));
        String page =
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(300) + "</body></html>";
        isc.then(new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body(page)
                .build());

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("abc"));

        assertEquals(
                "GET /v2025/workflows/abc returned 502 Bad Gateway (text/html, " + page.length() + " characters): \""
                        + "<html> <head><title>502 Bad Gateway</title></head> <body>" + "x".repeat(143) + "...\"",
                e.getMessage());
        assertFalse(e.isClientError());
    }

    @Test
    void truncatedJsonIsReportedWithoutParserTrace() {
        isc.then(json(200, "{\"id\":\"abc\",\"name\":\"Half"));

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("abc"));

        assertEquals(
                "GET /v2025/workflows/abc returned 200 OK but the body is not a JSON object (application/json, 24"
                        + " characters): \"{\"id\":\"abc\",\"name\":\"Half\"",
                e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void forbiddenNamesTheScope() {
        isc.then(json(
                403,
                "{\"detailCode\":\"403 Forbidden\",\"trackingId\":\"b21b1f7c\",\"messages\":[{\"text\":\"The server"
                        + " understood the request but refuses to authorize it.\"}]}"));

        IscException e = assertThrows(IscException.class, () -> client.patchWorkflow("abc", ENABLE));

        assertEquals(
                "PATCH /v2025/workflows/abc returned 403 Forbidden: The server understood the request but refuses"
                        + " to authorize it. (detailCode 403 Forbidden, trackingId b21b1f7c). This call needs the"
                        + " scope sp:workflow:manage; give the API client that scope in ISC (or use a client that"
                        + " has it).",
                e.getMessage());
    }

    @Test
    void forbiddenReadNamesReadScopes() {
        isc.then(json(403, "{\"detailCode\":\"403 Forbidden\"}"));

        IscException e = assertThrows(IscException.class, () -> client.getParameterReferences("p1"));

        assertTrue(
                e.getMessage()
                        .endsWith("This call needs the scope sp:parameter-storage:read or sp:parameter-storage:manage;"
                                + " give the API client that scope in ISC (or use a client that has it)."),
                e.getMessage());
    }

    @Test
    void rejectedCredentialsNameTheSettings() {
        isc.token(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad credentials\"}"));

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals(
                "POST /oauth/token returned 401 Unauthorized: invalid_client; Bad credentials. Check the client id and"
                        + " secret (<clientId>/<clientSecret>, -Disc.clientId/-Disc.clientSecret, the settings.xml"
                        + " server of <serverId>, or SAIL_CLIENT_ID/SAIL_CLIENT_SECRET) and that the API client exists"
                        + " on this tenant.",
                e.getMessage());
        assertEquals(1, client.requestCount());
    }

    @Test
    void tokenEndpointNotFoundIsNotAnAbsentWorkflow() {
        isc.token(new MockResponse.Builder().code(404).build());

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals("POST /oauth/token returned 404 Not Found (no content type, empty body)", e.getMessage());
        assertEquals(List.of(), isc.apiRequests());
    }

    @Test
    void tokenBadRequestIsNotARejectedFilter() {
        isc.token(json(400, "{\"error\":\"invalid_request\"}"));

        IscException e = assertThrows(IscException.class, () -> client.findWorkflowsByName("Welcome"));

        assertEquals(
                "POST /oauth/token returned 400 Bad Request: invalid_request. Check the client id and secret"
                        + " (<clientId>/<clientSecret>, -Disc.clientId/-Disc.clientSecret, the settings.xml server of"
                        + " <serverId>, or SAIL_CLIENT_ID/SAIL_CLIENT_SECRET) and that the API client exists on this"
                        + " tenant.",
                e.getMessage());
        assertEquals(1, isc.requests().size());
    }

    @Test
    void emptyErrorBodyShowsStatus() {
        isc.then(new MockResponse.Builder().code(404).build());

        IscException e = assertThrows(IscException.class, () -> client.patchWorkflow("abc", ENABLE));

        assertEquals("PATCH /v2025/workflows/abc returned 404 Not Found (no content type, empty body)", e.getMessage());
    }

    @Test
    void unknownJsonErrorShowsExcerpt() {
        isc.then(json(422, "{\"problem\":{\"field\":\"owner\"}}"));

        IscException e = assertThrows(IscException.class, () -> client.updateWorkflow("abc", new JsonObject()));

        assertEquals(
                "PUT /v2025/workflows/abc returned 422 Unprocessable Content: \"{\"problem\":{\"field\":\"owner\"}}\"",
                e.getMessage());
    }

    @Test
    void redirectNamesTheLocationAndTheApiHost() {
        isc.then(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "https://acme.identitynow.com/login")
                .build());

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows returned 302 Moved Temporarily: the tenant 127.0.0.1 redirected the request to"
                        + " https://acme.identitynow.com/login. The plugin follows no redirects. Check that <url>"
                        + " (-Disc.url or SAIL_BASE_URL) is the tenant's API host, such as"
                        + " https://TENANT.api.identitynow.com (not the UI host TENANT.identitynow.com), and that no"
                        + " proxy or gateway redirects API calls.",
                e.getMessage());
        assertEquals(302, e.status());
        assertEquals(1, isc.apiRequests().size());
    }

    @Test
    void redirectedTokenRequestSaysTheTenantRedirected() {
        isc.token(new MockResponse.Builder().code(301).build());

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals(
                "POST /oauth/token returned 301 Moved Permanently: the tenant 127.0.0.1 redirected the request"
                        + " without a Location header. The plugin follows no redirects. Check that <url> (-Disc.url or"
                        + " SAIL_BASE_URL) is the tenant's API host, such as https://TENANT.api.identitynow.com (not"
                        + " the UI host TENANT.identitynow.com), and that no proxy or gateway redirects API calls.",
                e.getMessage());
    }
}
