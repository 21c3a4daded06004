package io.github.iscworkflows.client;

import static io.github.iscworkflows.client.ScriptedIsc.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class IscClientFaultsTest extends ClientTestBase {

    private static final String WORKFLOW = "{\"id\":\"w1\",\"name\":\"Welcome\"}";

    @Test
    void tooManyRequestsWaitsForRetryAfterSeconds() throws Exception {
        isc.then(tooManyRequests("7")).then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps());
        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterDate() throws Exception {
        isc.then(tooManyRequests("Fri, 04 Dec 2026 12:00:12 GMT")).then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps());
    }

    @Test
    void tooManyRequestsBacksOffExponentially() throws Exception {
        isc.then(tooManyRequests(null))
                .then(tooManyRequests(null))
                .then(tooManyRequests(null))
                .then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        // Random factor fixed at 0.5, so each delay is 0.75 of 500 ms * 2^retry.
        assertEquals(List.of(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500)), time.sleeps());
    }

    @Test
    void tooManyRequestsGivesUpAfterMaxRetries() {
        for (int i = 0; i < 4; i++) {
            isc.then(tooManyRequests("1"));
        }

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals(
                "GET /v2025/workflows/w1 returned 429 Too Many Requests: Rate Limit Exceeded. Gave up after 4"
                        + " attempts. Another build may be using the same client id; raise <maxRetries>"
                        + " (-Disc.maxRetries) or run fewer builds against this tenant at once.",
                e.getMessage());
        assertEquals(4, isc.apiRequests().size());
        assertEquals(5, client.requestCount());
    }

    @Test
    void tooManyRequestsRespectsMaxRetryTime() {
        useClient(config().maxRetryTime(Duration.ofSeconds(30)));
        isc.then(tooManyRequests("20")).then(tooManyRequests("20"));

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals(429, e.status());
        assertEquals(List.of(Duration.ofSeconds(20)), time.sleeps());
    }

    @Test
    void retryAfterBeyondTheRetryTimeFailsNamingTheValueAndTheLimit() {
        for (String retryAfter : List.of("9223372036854775807", "99999999999999999999999", "301")) {
            isc.then(tooManyRequests(retryAfter));

            IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

            assertEquals(
                    "GET /v2025/workflows/w1 returned 429 Too Many Requests: Rate Limit Exceeded. The server asked to"
                            + " wait (Retry-After: " + retryAfter + ") longer than the 300 s one request may spend"
                            + " waiting for retries, so the client did not wait. Run the build again later; if the"
                            + " tenant keeps answering this way, contact its administrators.",
                    e.getMessage());
            assertEquals(429, e.status());
        }
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void tokenWithHugeLifetimeIsUsedWithoutOverflow() throws Exception {
        isc.token(json(200, "{\"access_token\":\"long-lived\",\"expires_in\":99999999999}"))
                .then(json(200, WORKFLOW))
                .then(json(200, WORKFLOW));

        client.getWorkflow("w1");
        time.advance(Duration.ofHours(1));
        client.getWorkflow("w1");

        assertEquals(3, isc.requests().size());
        assertEquals("Bearer long-lived", isc.apiRequests().get(1).getHeaders().get("Authorization"));
    }

    @Test
    void tokenWithHugeLifetimeIsFetchedAgainAfterADay() throws Exception {
        for (String expiresIn : List.of("99999999999", "1e30", "123456789012345678901234567890")) {
            isc.token(json(200, "{\"access_token\":\"long-lived\",\"expires_in\":" + expiresIn + "}"))
                    .then(json(200, WORKFLOW))
                    .then(json(200, WORKFLOW))
                    .then(json(200, WORKFLOW));
            useClient(config());
            int before = isc.apiRequests().size();

            client.getWorkflow("w1");
            time.advance(Duration.ofHours(23));
            client.getWorkflow("w1");
            time.advance(Duration.ofHours(1));
            client.getWorkflow("w1");

            List<String> tokens = isc.apiRequests().subList(before, before + 3).stream()
                    .map(r -> r.getHeaders().get("Authorization"))
                    .toList();
            assertEquals("Bearer long-lived", tokens.get(0), expiresIn);
            assertEquals("Bearer long-lived", tokens.get(1), expiresIn);
            assertTrue(tokens.get(2).startsWith("Bearer token-"), expiresIn);
        }
    }

    @Test
    void tooManyRequestsIsRetriedForCreate() throws Exception {
        isc.then(tooManyRequests("1")).then(json(200, WORKFLOW));

        JsonObject created = client.createWorkflow(body("Welcome"));

        assertEquals("w1", created.get("id").getAsString());
        assertEquals(
                List.of("POST /v2025/workflows HTTP/1.1", "POST /v2025/workflows HTTP/1.1"), isc.apiRequestLines());
    }

    @Test
    void serviceUnavailableThenSuccess() throws Exception {
        isc.then(json(503, "{\"detailCode\":\"503 Service Unavailable\"}")).then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(2, isc.apiRequests().size());
        assertEquals(1, time.sleeps().size());
        assertTrue(log.lines()
                .contains("[info] ISC GET /v2025/workflows/w1: 503 Service Unavailable; retrying in"
                        + " 0.4 s (retry 1 of 3)."));
    }

    @Test
    void socketTimeoutIsRetriedForReads() throws Exception {
        isc.then(stall()).then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void socketTimeoutReportsTheTimeoutSetting() {
        useClient(config().maxRetries(1).responseTimeout(Duration.ofMillis(300)));
        isc.then(stall()).then(stall());

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals(
                "GET /v2025/workflows/w1 timed out: no response within 300 ms after 2 attempts. Raise <timeout>"
                        + " (-Disc.timeout) if the tenant is slow.",
                e.getMessage());
        assertEquals(0, e.status());
    }

    @Test
    void responseThatTricklesInIsCancelledAtTheDeadline() {
        useClient(config().maxRetries(0).requestDeadline(Duration.ofMillis(300)));
        isc.then(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("[" + " ".repeat(60) + "]")
                .throttleBody(1, 50, TimeUnit.MILLISECONDS)
                .build());

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows timed out: the response did not complete within 300 ms (the connect timeout"
                        + " plus <timeout>). Raise <timeout> (-Disc.timeout) if the tenant is slow; an answer that"
                        + " trickles in this slowly often means a proxy or gateway throttles the connection.",
                e.getMessage());
        assertEquals(0, e.status());
    }

    @Test
    void responseLargerThanTheLimitFails() {
        useClient(config().maxResponseBytes(1000));
        isc.then(json(200, "[" + " ".repeat(2000) + "]"));

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertEquals(
                "GET /v2025/workflows failed: the response body is larger than 1000 bytes, more than any ISC answer,"
                        + " so reading it was stopped. Check that <url> (-Disc.url) points at the tenant's API and that"
                        + " no proxy or gateway replaces its answers.",
                e.getMessage());
        assertEquals(1, isc.apiRequests().size());
    }

    @Test
    void chunkedResponseLargerThanTheLimitFails() {
        useClient(config().maxResponseBytes(1000));
        isc.then(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .chunkedBody("[" + " ".repeat(5000) + "]", 100)
                .build());

        IscException e = assertThrows(IscException.class, () -> client.listWorkflows(null));

        assertTrue(e.getMessage().contains("larger than 1000 bytes"), e.getMessage());
        assertEquals(1, isc.apiRequests().size());
    }

    @Test
    void responseUpToTheLimitIsRead() throws Exception {
        useClient(config().maxResponseBytes(1000));
        isc.then(json(200, "[" + " ".repeat(998) + "]"));

        assertEquals(List.of(), client.listWorkflows(null));
    }

    @Test
    void resetConnectionIsRetriedForReads() throws Exception {
        isc.then(new MockResponse.Builder()
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build())
                .then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void refusedConnectionNamesTheHost() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        useClient(IscClientConfig.builder("http://127.0.0.1:" + closedPort, CLIENT_ID, SECRET)
                .maxRetries(2)
                .time(time)
                .random(() -> 0.5));

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertTrue(
                e.getMessage().startsWith("POST /oauth/token failed: cannot connect to 127.0.0.1 ("), e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("after 3 attempts. Check the tenant URL, the network and the proxy in settings.xml;"
                                + " the connect timeout is 30 s (<connectTimeout>, -Disc.connectTimeout)."),
                e.getMessage());
        // No request was sent, because no connection was made.
        assertEquals(0, client.requestCount());
    }

    @Test
    void expiredTokenIsRenewedOnce() throws Exception {
        isc.then(json(401, "{\"error\":\"JWT validation failed: JWT is expired\"}"))
                .then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(
                List.of("Bearer token-1", "Bearer token-2"),
                isc.apiRequests().stream()
                        .map(r -> r.getHeaders().get("Authorization"))
                        .toList());
        assertEquals(4, client.requestCount());
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void bearerChallengeStillRenewsToken() throws Exception {
        isc.then(new MockResponse.Builder()
                        .code(401)
                        .addHeader("WWW-Authenticate", "Bearer realm=\"isc\", error=\"invalid_token\"")
                        .addHeader("Content-Type", "application/json")
                        .body("{\"error\":\"JWT validation failed: JWT is expired\"}")
                        .build())
                .then(json(200, WORKFLOW));

        client.getWorkflow("w1");

        assertEquals(
                List.of("Bearer token-1", "Bearer token-2"),
                isc.apiRequests().stream()
                        .map(r -> r.getHeaders().get("Authorization"))
                        .toList());
    }

    @Test
    void secondUnauthorizedFailsWithIscMessage() {
        isc.then(json(401, "{\"error\":\"JWT validation failed: JWT is expired\"}"))
                .then(json(401, "{\"error\":\"JWT validation failed: client revoked\"}"));

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals(
                "GET /v2025/workflows/w1 returned 401 Unauthorized: JWT validation failed: client revoked. ISC refused"
                        + " a freshly fetched token as well; check that the API client is still active and allowed for"
                        + " this API.",
                e.getMessage());
        assertEquals(4, client.requestCount());
    }

    @Test
    void createThatTimedOutButSucceededIsNotRepeated() throws Exception {
        isc.then(stall()).then(json(200, "[{\"id\":\"w9\",\"name\":\"Welcome\"}]"));

        JsonObject created = client.createWorkflow(body("Welcome"));

        assertEquals("w9", created.get("id").getAsString());
        assertEquals(
                List.of(
                        "POST /v2025/workflows HTTP/1.1",
                        "GET /v2025/workflows?limit=250&offset=0&count=true&filters=name%20eq%20%22Welcome%22"
                                + " HTTP/1.1"),
                isc.apiRequestLines());
        assertTrue(log.lines()
                .contains("[info] Workflow \"Welcome\" exists now (id w9), so the create went through;"
                        + " not sending it again."));
    }

    @Test
    void createThatTimedOutAndAppearsOnALaterLookupIsNotRepeated() throws Exception {
        isc.then(stall())
                .then(json(200, "[]"))
                .then(json(200, "[]"))
                .then(json(200, "[{\"id\":\"w9\",\"name\":\"Welcome\"}]"));

        JsonObject created = client.createWorkflow(body("Welcome"));

        assertEquals("w9", created.get("id").getAsString());
        assertEquals(
                1,
                isc.apiRequestLines().stream()
                        .filter(line -> line.startsWith("POST"))
                        .count());
        assertEquals(4, isc.apiRequests().size());
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4)), time.sleeps());
    }

    @Test
    void createThatFailedIsNeverSentAgain() {
        isc.then(json(503, "{\"detailCode\":\"503 Service Unavailable\"}"))
                .then(json(200, "[]"))
                .then(json(200, "[]"))
                .then(json(200, "[]"))
                .then(json(200, "[]"));

        IscException e = assertThrows(IscException.class, () -> client.createWorkflow(body("Welcome")));

        assertEquals(
                "POST /v2025/workflows returned 503 Service Unavailable (detailCode 503 Service Unavailable)."
                        + " Workflow \"Welcome\" did not appear on the tenant in 4 lookups over 14 s, and the create"
                        + " is not sent again because ISC may still complete it. Running deploy again is safe: it"
                        + " matches workflows by name, so it updates the workflow if the create went through and"
                        + " creates it otherwise.",
                e.getMessage());
        assertEquals(503, e.status());
        String lookup = "GET /v2025/workflows?limit=250&offset=0&count=true&filters=name%20eq%20%22Welcome%22 HTTP/1.1";
        assertEquals(List.of("POST /v2025/workflows HTTP/1.1", lookup, lookup, lookup, lookup), isc.apiRequestLines());
        assertEquals(
                List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)),
                time.sleeps());
    }

    @Test
    void createWithFailedLookupSaysToCheckTenant() {
        useClient(config().maxRetries(0));
        isc.then(json(502, "{\"detailCode\":\"502 Bad Gateway\"}"))
                .then(json(502, "{\"detailCode\":\"502 Bad Gateway\"}"));

        IscException e = assertThrows(IscException.class, () -> client.createWorkflow(body("Welcome")));

        assertEquals(
                "POST /v2025/workflows returned 502 Bad Gateway (detailCode 502 Bad Gateway). Looking the workflow"
                        + " up by name failed as well (GET /v2025/workflows returned 502 Bad Gateway (detailCode 502"
                        + " Bad Gateway)); check in ISC whether workflow \"Welcome\" exists. Running deploy again is"
                        + " safe: it matches workflows by name, so it updates the workflow if the create went through"
                        + " and creates it otherwise.",
                e.getMessage());
        assertEquals(2, isc.apiRequests().size());
    }

    @Test
    void createRejectedWithBadRequestIsNotLookedUp() {
        isc.then(json(
                400,
                "{\"detailCode\":\"400.1 Bad Request Content\",\"messages\":[{\"text\":\"enabled must be"
                        + " false\"}]}"));

        assertThrows(IscException.class, () -> client.createWorkflow(body("Welcome")));

        assertEquals(1, isc.apiRequests().size());
    }

    private static JsonObject body(String name) {
        return JsonParser.parseString("{\"name\":\"" + name + "\",\"definition\":{\"start\":\"A\",\"steps\":{}}}")
                .getAsJsonObject();
    }

    private static MockResponse tooManyRequests(String retryAfter) {
        MockResponse.Builder builder = new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/json")
                .body("{\"message\":\" Rate Limit Exceeded \"}");
        if (retryAfter != null) {
            builder.addHeader("Retry-After", retryAfter);
        }
        return builder.build();
    }

    private static MockResponse stall() {
        return new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
    }
}
