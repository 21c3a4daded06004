package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.array;
import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static io.github.iscworkflows.emulator.EmulatorWorkflowTest.encode;
import static io.github.iscworkflows.emulator.EmulatorWorkflowTest.idOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorOperationTest {

    private static final String SEED = """
            {
              "mode": "on-enable",
              "parameters": [{"id": "p-1", "name": "Items API client", "type": "1.4", "ownerId": "o-1", "publicFields": {}}],
              "workflows": [{"id": "w-1", "name": "Seeded", "enabled": false, "definition": {"start": "End", "steps": {"End": {"type": "success"}}}}],
              "references": [{"id": "r-1", "consumerId": "sp-workflow-config", "parameterId": "p-1", "name": "Workflow w-1", "usageHint": "{\\"workflowId\\": \\"w-1\\"}"}],
              "identities": [{"id": "i-1", "name": "Jane Doe"}]
            }
            """;

    @TempDir
    Path folder;

    private final List<IscEmulator> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(IscEmulator::stop);
    }

    private IscEmulator start(EmulatorOptions options) throws Exception {
        IscEmulator emulator = IscEmulator.start(options);
        started.add(emulator);
        return emulator;
    }

    @Test
    void statusFaultAnswersNextMatchingCallsOnly() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().noRateLimit().build());
        EmulatorClient client = new EmulatorClient(emulator);
        emulator.faults().add(Fault.status("/workflows", 503).times(2).method("GET"));

        int first = client.get("/v2025/workflows").statusCode();
        int post = client.post("/v2025/workflows", "{\"name\": \"A\"}").statusCode();
        int second = client.get("/v3/workflows").statusCode();
        int third = client.get("/v2025/workflows").statusCode();

        assertEquals(503, first);
        assertEquals(200, post);
        assertEquals(503, second);
        assertEquals(200, third);
        assertEquals(0, emulator.faults().size());
    }

    @Test
    void statusFaultSendsGivenBody() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().noRateLimit().build());
        EmulatorClient client = new EmulatorClient(emulator);
        client.control(
                "POST",
                "/emulator/faults",
                "{\"path\": \"/workflows/{id}\", \"status\": 409, \"body\": {\"errorName\": \"ConflictException\"}}");

        HttpResponse<String> response = client.get("/v2025/workflows/abc");

        assertEquals(409, response.statusCode());
        assertEquals("ConflictException", object(response).get("errorName").getAsString());
    }

    @Test
    void dropFaultClosesConnection() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().noRateLimit().build());
        EmulatorClient client = new EmulatorClient(emulator);
        client.token();
        // The JDK client sends a GET again once when the connection closes before a response.
        emulator.faults().add(Fault.drop("/v2025/workflows").times(2));

        assertThrows(UncheckedIOException.class, () -> client.get("/v2025/workflows"));
        assertEquals(2, emulator.stats().count("GET /workflows"));
        assertEquals(200, client.get("/v2025/workflows").statusCode());
    }

    @Test
    void delayFaultStillServesRequest() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().noRateLimit().build());
        EmulatorClient client = new EmulatorClient(emulator);
        emulator.faults().add(Fault.delay("/workflows", Duration.ofMillis(50)));

        assertEquals(200, client.get("/v2025/workflows").statusCode());
        assertEquals(0, emulator.faults().size());
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        IscEmulator emulator = start(
                EmulatorOptions.builder().rateLimit(3, Duration.ofMinutes(1)).build());
        EmulatorClient client = new EmulatorClient(emulator);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("/v2025/workflows").statusCode());
        }

        HttpResponse<String> limited = client.get("/v2025/workflows");
        HttpResponse<String> otherVersion = client.get("/v3/workflows");

        assertEquals(429, limited.statusCode());
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertTrue(retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(" Rate Limit Exceeded ", object(limited).get("message").getAsString());
        assertEquals(200, otherVersion.statusCode());
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        IscEmulator emulator = start(
                EmulatorOptions.builder().tokenLifetime(Duration.ofMillis(1)).build());
        EmulatorClient client = new EmulatorClient(emulator);
        client.token();
        Thread.sleep(20);

        HttpResponse<String> response = client.get("/v2025/workflows");

        assertEquals(401, response.statusCode());
        assertEquals(
                "JWT validation failed: JWT is expired",
                object(response).get("error").getAsString());
    }

    @Test
    void seedFileLoadsAndDumpRoundTrips() throws Exception {
        Path seed = Files.writeString(folder.resolve("seed.json"), SEED);
        Path dump = folder.resolve("out/dump.json");
        IscEmulator first =
                start(EmulatorOptions.builder().stateFile(seed).dumpFile(dump).build());
        JsonObject loaded = first.state().snapshot();

        first.stop();
        IscEmulator second = start(EmulatorOptions.builder().stateFile(dump).build());

        assertEquals(ReferenceMode.ON_ENABLE, first.state().mode());
        assertEquals(
                "Seeded",
                first.state().workflow("w-1").orElseThrow().get("name").getAsString());
        assertEquals(1, first.state().referencesOf("p-1").size());
        assertEquals(loaded, JsonParser.parseString(Files.readString(dump)));
        assertEquals(loaded, second.state().snapshot());
    }

    @Test
    void explicitModeOverridesSeedFile() throws Exception {
        Path seed = Files.writeString(folder.resolve("seed.json"), SEED);

        IscEmulator emulator = start(EmulatorOptions.builder()
                .stateFile(seed)
                .referenceMode(ReferenceMode.DANGLING)
                .build());

        assertEquals(ReferenceMode.DANGLING, emulator.state().mode());
    }

    @Test
    void invalidSeedFileIsRejected() throws Exception {
        Path seed = Files.writeString(folder.resolve("seed.json"), "{\"workflows\": {}}");

        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> start(EmulatorOptions.builder().stateFile(seed).build()));

        assertEquals(
                "Invalid emulator state file " + seed + ": Invalid state: 'workflows' must be an array of objects.",
                error.getMessage());
    }

    @Test
    void stateEndpointReplacesAndDumpsState() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().build());
        EmulatorClient client = new EmulatorClient(emulator);

        HttpResponse<String> seeded = client.control("POST", "/emulator/state", SEED);
        HttpResponse<String> dumped = client.control("GET", "/emulator/state", null);

        assertEquals(200, seeded.statusCode());
        assertEquals(emulator.state().snapshot(), object(dumped));
        assertEquals(
                "Jane Doe", emulator.state().identities().get(0).get("name").getAsString());
    }

    @Test
    void identitiesFilterByName() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().build());
        emulator.state().addIdentity("Jane Doe");
        emulator.state().addIdentity("John Roe");
        EmulatorClient client = new EmulatorClient(emulator);

        HttpResponse<String> response = client.get("/v2025/identities?filters=" + encode("name eq \"Jane Doe\""));

        assertEquals(1, array(response).size());
        assertEquals(
                "Jane Doe", array(response).get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void statsResetThroughControlEndpoint() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().build());
        EmulatorClient client = new EmulatorClient(emulator);
        client.get("/v2025/workflows");

        HttpResponse<String> reset = client.control("POST", "/emulator/stats/reset", null);

        assertEquals(204, reset.statusCode());
        assertEquals(0, emulator.stats().total());
    }

    @Test
    void shutdownEndpointStopsEmulator() throws Exception {
        Path dump = folder.resolve("dump.json");
        IscEmulator emulator = start(EmulatorOptions.builder().dumpFile(dump).build());
        EmulatorClient client = new EmulatorClient(emulator);

        HttpResponse<String> response = client.control("POST", "/emulator/shutdown", null);

        assertEquals(202, response.statusCode());
        assertTrue(emulator.awaitStop(10_000));
        assertTrue(Files.isRegularFile(dump));
    }

    @Test
    void concurrentClientsAreAllServed() throws Exception {
        IscEmulator emulator = start(EmulatorOptions.builder().noRateLimit().build());
        String id = idOf(new EmulatorClient(emulator).post("/v2025/workflows", "{\"name\": \"A\"}"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    EmulatorClient client = new EmulatorClient(emulator);
                    int ok = 0;
                    for (int j = 0; j < 25; j++) {
                        ok += client.get("/v2025/workflows/" + id).statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int served = 0;
            for (Future<Integer> result : results) {
                served += result.get();
            }

            assertEquals(200, served);
            assertEquals(200, emulator.stats().count("GET /workflows/{id}"));
        } finally {
            pool.shutdownNow();
        }
    }
}
