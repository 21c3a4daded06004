package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real workflow exports from ISC tenants: the emulator accepts each one for create, update, enable,
 * disable and delete.
 */
class EmulatorCorpusTest {

    private static final List<String> READ_ONLY =
            List.of("id", "executionCount", "failureCount", "created", "modified", "modifiedBy", "creator");

    @Test
    void everyCorpusWorkflowRoundTrips() throws Exception {
        List<JsonObject> workflows = corpusWorkflows();
        List<String> problems = new ArrayList<>();
        try (IscEmulator emulator =
                IscEmulator.start(EmulatorOptions.builder().noRateLimit().build())) {
            EmulatorClient client = new EmulatorClient(emulator);
            for (JsonObject workflow : workflows) {
                String name = workflow.get("name").getAsString();
                JsonObject body = workflow.deepCopy();
                READ_ONLY.forEach(body::remove);
                body.addProperty("enabled", false);

                HttpResponse<String> created = client.post("/v2025/workflows", body.toString());
                if (created.statusCode() != 200) {
                    problems.add(name + ": create returned " + created.statusCode() + " " + created.body());
                    continue;
                }
                String id = object(created).get("id").getAsString();
                check(problems, name, "update", client.put("/v2025/workflows/" + id, body.toString()));
                check(
                        problems,
                        name,
                        "enable",
                        client.patch(
                                "/v2025/workflows/" + id,
                                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":true}]"));
                check(
                        problems,
                        name,
                        "disable",
                        client.patch(
                                "/v2025/workflows/" + id,
                                "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]"));
                HttpResponse<String> deleted = client.delete("/v2025/workflows/" + id);
                if (deleted.statusCode() != 204) {
                    problems.add(name + ": delete returned " + deleted.statusCode() + " " + deleted.body());
                }
            }
        }

        assertEquals(List.of(), problems);
        assertTrue(workflows.size() >= 30, "found " + workflows.size() + " workflows");
    }

    private static void check(List<String> problems, String name, String action, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            problems.add(name + ": " + action + " returned " + response.statusCode() + " " + response.body());
        }
    }

    /** Workflow objects from plain files, {@code {object}} wrappers and SP-Config {@code {objects}} bundles. */
    private static List<JsonObject> corpusWorkflows() throws IOException {
        String location = System.getProperty("isc.corpus");
        Assumptions.assumeTrue(
                location != null && Files.isDirectory(Path.of(location)),
                "Skipped: no workflow corpus at -Disc.corpus=" + location
                        + " (the corpus folder is only present next to this project's checkout).");
        List<JsonObject> workflows = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(location))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonElement root = JsonParser.parseString(Files.readString(file));
                if (!root.isJsonObject()) {
                    continue;
                }
                JsonObject object = root.getAsJsonObject();
                if (object.has("objects")) {
                    for (JsonElement item : object.getAsJsonArray("objects")) {
                        JsonObject wrapper = item.getAsJsonObject();
                        JsonObject self = Json.object(wrapper, "self");
                        if ("WORKFLOW".equals(Json.string(self, "type"))) {
                            workflows.add(wrapper.getAsJsonObject("object"));
                        }
                    }
                } else if (object.has("object") && object.get("object").isJsonObject()) {
                    JsonObject inner = object.getAsJsonObject("object");
                    if (inner.has("definition")) {
                        workflows.add(inner);
                    }
                } else if (object.has("definition") && object.has("name")) {
                    workflows.add(object);
                }
            }
        }
        return workflows;
    }
}
