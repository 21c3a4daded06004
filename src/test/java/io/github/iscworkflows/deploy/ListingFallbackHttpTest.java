package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.simple;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the planner reacts to a workflow listing that breaks, checked on a MockWebServer. */
class ListingFallbackHttpTest {

    @TempDir
    Path temp;

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final RecordingLog log = new RecordingLog();
    private volatile boolean rejectFirstPage;
    private MockWebServer server;
    private IscClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String filters = request.getUrl().queryParameter("filters");
                requests.add(request.getMethod() + " " + request.getUrl().encodedPath()
                        + (filters == null ? "" : " " + filters));
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

    /**
     * The tenant announces 600 workflows but its second page holds only 10. The name filter finds "Target"
     * as wf-target.
     */
    private MockResponse respond(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.equals("/oauth/token")) {
            return json(200, "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        }
        if (method.equals("GET") && path.equals("/v2025/workflows")) {
            if (rejectFirstPage) {
                return json(400, "{\"detailCode\":\"400.1 Bad Request Content\",\"messages\":[{\"text\":\"no\"}]}");
            }
            String filters = request.getUrl().queryParameter("filters");
            if (filters != null) {
                return json(200, filters.equals("name eq \"Target\"") ? "[" + target() + "]" : "[]");
            }
            int offset = Integer.parseInt(request.getUrl().queryParameter("offset"));
            return json(200, bulk(offset, offset == 0 ? 250 : 10).toString())
                    .newBuilder()
                    .addHeader("X-Total-Count", "600")
                    .build();
        }
        if (method.equals("PUT")) {
            return json(200, request.getBody().utf8());
        }
        return new MockResponse.Builder().code(418).body("{}").build();
    }

    private static JsonObject target() {
        JsonObject workflow = parse(simple("Target", "old"));
        workflow.addProperty("id", "wf-target");
        return workflow;
    }

    private static JsonArray bulk(int from, int count) {
        JsonArray page = new JsonArray();
        for (int i = from; i < from + count; i++) {
            JsonObject workflow = parse(simple("Bulk " + i, "old"));
            workflow.addProperty("id", "wf-" + i);
            page.add(workflow);
        }
        return page;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private DeployResult deploy(List<WorkflowSource> sources) throws Exception {
        return new Deployer(client, DeployOptions.defaults("mock", temp.resolve("out")), log).deploy(sources);
    }

    @Test
    void truncatedListingSwitchesToNameFilter() throws Exception {
        Path folder = temp.resolve("workflows");
        write(folder, "target.json", simple("Target", "new"));

        DeployResult result = deploy(load(folder));

        assertEquals(Result.UPDATED, result.outcomes().get(0).result());
        assertEquals(
                List.of(
                        "POST /oauth/token",
                        "GET /v2025/workflows",
                        "GET /v2025/workflows",
                        "GET /v2025/workflows name eq \"Target\"",
                        "PUT /v2025/workflows/wf-target"),
                requests);
        assertTrue(
                log.lines()
                        .contains("[warn] Listing the workflows of mock ended after 260 workflows (GET"
                                + " /v2025/workflows listed 260 of 600 items (X-Total-Count); the listing is"
                                + " incomplete, so no decision is taken from it. Run the build again; if it"
                                + " persists, the tenant's paging is failing.), so deploy matched the 1 local"
                                + " workflow(s) by name instead (1 lookups)."),
                log.text());
    }

    @Test
    void rejectedFirstPageStopsDeploy() throws Exception {
        rejectFirstPage = true;
        Path folder = temp.resolve("workflows");
        write(folder, "target.json", simple("Target", "new"));

        IscException failure = assertThrows(IscException.class, () -> deploy(load(folder)));

        assertEquals(400, failure.status());
        assertTrue(requests.stream().noneMatch(line -> line.startsWith("PUT") || line.startsWith("POST /v")));
    }
}
