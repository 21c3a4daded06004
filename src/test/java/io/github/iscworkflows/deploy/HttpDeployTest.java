package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.WorkflowJson;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** What deploy sends over HTTP through the real client, checked on a MockWebServer. */
class HttpDeployTest {

    @TempDir
    Path temp;

    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile JsonArray listing = new JsonArray();
    private MockWebServer server;
    private IscClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return respond(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = new IscClient(IscClientConfig.builder("http://127.0.0.1:" + server.getPort(), "id", "secret")
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .maxRetries(0)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private MockResponse respond(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals("/oauth/token")) {
            return json("{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        }
        if (method.equals("GET") && path.equals("/v2025/workflows")) {
            String offset = request.getUrl().queryParameter("offset");
            return json(offset == null || offset.equals("0") ? listing.toString() : "[]");
        }
        if (method.equals("POST") || method.equals("PUT")) {
            JsonObject echo = parse(request.getBody().utf8());
            echo.addProperty("id", method.equals("POST") ? "new-id" : path.substring(path.lastIndexOf('/') + 1));
            return json(echo.toString());
        }
        if (method.equals("PATCH")) {
            return json(listing.get(0).toString());
        }
        return new MockResponse.Builder().code(418).body("{}").build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private List<String> requestLines() {
        synchronized (requests) {
            return requests.stream()
                    .map(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                    .toList();
        }
    }

    private DeployResult deploy(List<WorkflowSource> sources, DeployOptions options) throws Exception {
        return new Deployer(client, options, new RecordingLog()).deploy(sources);
    }

    @Test
    void dryRunSendsOnlyReads() throws Exception {
        listing.add(parse(simple("Changed", "old")).deepCopy());
        listing.get(0).getAsJsonObject().addProperty("id", "wf-1");
        Path folder = temp.resolve("workflows");
        write(folder, "a.json", simple("Changed", "new"));
        write(folder, "b.json", simple("New", "x"));

        deploy(load(folder), DeployOptions.defaults("mock", temp.resolve("out")).withDryRun(true));

        assertEquals(List.of("POST /oauth/token", "GET /v2025/workflows"), requestLines());
    }

    @Test
    void enabledWorkflowUpdateSendsPatchPutPatch() throws Exception {
        JsonObject remote = parse(simple("Live", "old"));
        remote.addProperty("id", "wf-1");
        remote.addProperty("enabled", true);
        listing.add(remote);
        Path folder = temp.resolve("workflows");
        write(folder, "live.json", simple("Live", "new"));

        deploy(load(folder), DeployOptions.defaults("mock", temp.resolve("out")));

        assertEquals(
                List.of(
                        "POST /oauth/token",
                        "GET /v2025/workflows",
                        "PATCH /v2025/workflows/wf-1",
                        "PUT /v2025/workflows/wf-1",
                        "PATCH /v2025/workflows/wf-1"),
                requestLines());
        RecordedRequest disable = requests.get(2);
        assertEquals(
                "application/json-patch+json",
                disable.getHeaders().get("Content-Type").split(";")[0]);
        assertEquals(
                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]",
                disable.getBody().utf8());
        JsonObject put = parse(requests.get(3).getBody().utf8());
        assertEquals("SCHEDULED", put.getAsJsonObject("trigger").get("type").getAsString());
        assertEquals(false, put.get("enabled").getAsBoolean());
    }

    /** Every scalar of every corpus workflow reaches the wire with its type and spelling. */
    @TestFactory
    Stream<DynamicTest> corpusValuesSurviveTheRequestBody() throws IOException {
        return CorpusRoundTripTest.corpusWorkflows().stream()
                .map(source -> DynamicTest.dynamicTest(source.displayPath() + source.pointer(), () -> {
                    requests.clear();
                    deploy(List.of(source), DeployOptions.defaults("mock", Files.createTempDirectory(temp, "run")));
                    RecordedRequest post = requests.stream()
                            .filter(r -> r.getMethod().equals("POST")
                                    && r.getUrl().encodedPath().equals("/v2025/workflows"))
                            .findFirst()
                            .orElseThrow();
                    assertValuesKept(source, post.getBody().utf8());
                }));
    }

    private static void assertValuesKept(WorkflowSource source, String body) throws IOException {
        Map<String, String> sent = JsonLeaves.of(body);
        Map<String, String> all = JsonLeaves.of(Files.readString(source.file(), StandardCharsets.UTF_8));
        Set<String> refIds = new HashSet<>();
        for (CredentialReference credential : CredentialReference.findAll(source.workflow())) {
            refIds.add(credential.pointer() + "/refID");
        }
        Map<String, String> differences = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : all.entrySet()) {
            if (!entry.getKey().startsWith(source.pointer() + "/")) {
                continue;
            }
            String pointer = entry.getKey().substring(source.pointer().length());
            String topLevel = pointer.substring(1).split("/", 2)[0];
            if (WorkflowJson.READ_ONLY_FIELDS.contains(topLevel)
                    || topLevel.equals("enabled")
                    || refIds.contains(pointer)) {
                continue;
            }
            if (!entry.getValue().equals(sent.get(pointer))) {
                differences.put(pointer, entry.getValue() + " became " + sent.get(pointer));
            }
        }
        assertEquals(Map.of(), differences);
    }
}
