package io.github.iscworkflows.client;

import static io.github.iscworkflows.client.ScriptedIsc.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class SecretsAndLoggingTest extends ClientTestBase {

    @Test
    void debugLineShowsRequestDetails() throws Exception {
        isc.then(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-RateLimit-Remaining", "97")
                .body("{\"id\":\"w1\"}")
                .build());

        client.getWorkflow("w1");

        assertEquals(
                List.of(
                        "[debug] POST /oauth/token -> 200 OK in 0 ms",
                        "[debug] GET /v2025/workflows/w1?workflowMetrics=false -> 200 OK in 0 ms"
                                + " [x-ratelimit-remaining: 97]"),
                log.lines());
    }

    @Test
    void secretsNeverReachLogsOrExceptions() {
        useClient(config().maxRetries(1));
        String echo = "client_id=build-client&client_secret=" + SECRET + " Authorization: Bearer token-1";
        isc.token(new MockResponse.Builder()
                        .code(400)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><body>Bad form: " + echo + "</body></html>")
                        .build())
                .token(json(200, "{\"access_token\":\"token-abcdef\",\"expires_in\":749}"));
        List<String> outputs = new ArrayList<>();

        IscException tokenFailure = assertThrows(IscException.class, () -> client.listWorkflows(null));
        outputs.add(tokenFailure.getMessage());
        isc.then(json(
                        500,
                        "{\"detailCode\":\"500.0 Internal Fault\",\"messages\":[{\"text\":\"token token-abcdef and"
                                + " secret " + SECRET + " rejected\"}],\"trackingId\":\"t1\"}"))
                .then(json(500, "{\"message\":\"still " + SECRET + "\",\"details\":{\"key\":\"token-abcdef\"}}"));
        IscException apiFailure = assertThrows(IscException.class, () -> client.getWorkflow("w1"));
        outputs.add(apiFailure.getMessage());
        outputs.addAll(apiFailure.texts());
        outputs.addAll(log.lines());

        assertTrue(tokenFailure.getMessage().contains("client_secret=****"), tokenFailure.getMessage());
        assertEquals(
                "GET /v2025/workflows/w1 returned 500 Internal Server Error: still ****; key: ****. Gave up after 2"
                        + " attempts. Rerun the build later (a rerun changes only what still differs) or raise"
                        + " <maxRetries> (-Disc.maxRetries).",
                apiFailure.getMessage());
        for (String output : outputs) {
            assertFalse(output.contains(SECRET), output);
            assertFalse(output.contains("token-abcdef"), output);
            assertFalse(output.contains("token-1"), output);
        }
        assertTrue(outputs.size() > 4);
    }

    @Test
    void addedSecretIsMaskedInErrors() {
        client.addSecret("literal-from-workflow");
        isc.then(json(400, "{\"message\":\"bad value literal-from-workflow\"}"));

        IscException e = assertThrows(IscException.class, () -> client.getWorkflow("w1"));

        assertEquals("GET /v2025/workflows/w1 returned 400 Bad Request: bad value ****", e.getMessage());
        assertEquals(List.of("bad value ****"), e.texts());
    }

    @Test
    void maskerHidesEncodedSecretsAndSecretShapes() {
        SecretMasker masker = new SecretMasker();
        masker.add("p@ss word+1");
        masker.add("abc");

        assertEquals("x **** y ****", masker.mask("x p@ss word+1 y p%40ss%20word%2B1".replace("%20", "+")));
        assertEquals("abc", masker.mask("abc"));
        assertEquals("Authorization: Bearer ****", masker.mask("Authorization: Bearer eyJhbGciOi.J9.sig"));
        assertEquals("{\"access_token\":\"****\"}", masker.mask("{\"access_token\":\"eyJ\"}"));
        assertEquals("client_secret=****&x=1", masker.mask("client_secret=zzz&x=1"));
    }
}
