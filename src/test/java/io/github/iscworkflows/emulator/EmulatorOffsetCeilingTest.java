package io.github.iscworkflows.emulator;

import static io.github.iscworkflows.emulator.EmulatorClient.array;
import static io.github.iscworkflows.emulator.EmulatorClient.errorText;
import static io.github.iscworkflows.emulator.EmulatorClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmulatorOffsetCeilingTest {

    private IscEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.stop();
        }
    }

    private EmulatorClient start(EmulatorOptions.Builder options, int workflows) throws Exception {
        emulator = IscEmulator.start(options.noRateLimit().build());
        for (int i = 0; i < workflows; i++) {
            JsonObject workflow = new JsonObject();
            workflow.addProperty("name", "Workflow " + i);
            emulator.state().putWorkflow(workflow);
        }
        return new EmulatorClient(emulator);
    }

    @Test
    void listingBelowCeilingIsServed() throws Exception {
        EmulatorClient client = start(EmulatorOptions.builder().maxOffset(250), 300);

        HttpResponse<String> response = client.get("/v2025/workflows?limit=250&offset=249");

        assertEquals(200, response.statusCode());
        assertEquals(51, array(response).size());
    }

    @Test
    void listingAtCeilingIsRejected() throws Exception {
        EmulatorClient client = start(EmulatorOptions.builder().maxOffset(250), 300);

        HttpResponse<String> response = client.get("/v2025/workflows?limit=250&offset=250");

        assertEquals(400, response.statusCode());
        assertEquals(
                "400.1 Bad Request Content", object(response).get("detailCode").getAsString());
        assertEquals(
                "Invalid offset 250: the offset is too large, the maximum is 249. Narrow the listing with filters.",
                errorText(response));
    }

    @Test
    void filteredListingWorksWithCeiling() throws Exception {
        EmulatorClient client = start(EmulatorOptions.builder().maxOffset(250), 300);

        HttpResponse<String> response = client.get("/v2025/workflows?filters=name%20eq%20%22Workflow%20299%22");

        assertEquals(200, response.statusCode());
        assertEquals(1, array(response).size());
    }

    @Test
    void parameterSearchAtCeilingIsRejected() throws Exception {
        EmulatorClient client = start(EmulatorOptions.builder().maxOffset(250), 0);

        HttpResponse<String> response = client.get("/v2025/parameter-storage/parameters?offset=300");

        assertEquals(400, response.statusCode());
    }

    @Test
    void ceilingIsOffByDefault() throws Exception {
        EmulatorClient client = start(EmulatorOptions.builder(), 3);

        HttpResponse<String> response = client.get("/v2025/workflows?limit=250&offset=5000");

        assertEquals(200, response.statusCode());
        assertEquals(0, array(response).size());
    }

    @Test
    void faultWithQueryHitsOnlyMatchingRequests() throws Exception {
        EmulatorClient client = start(EmulatorOptions.builder(), 3);
        emulator.faults().add(Fault.status("/workflows", 500).query("filters=name eq"));

        HttpResponse<String> plain = client.get("/v2025/workflows");
        HttpResponse<String> filtered = client.get("/v2025/workflows?filters=name%20eq%20%22Workflow%201%22");
        HttpResponse<String> again = client.get("/v2025/workflows?filters=name%20eq%20%22Workflow%201%22");

        assertEquals(200, plain.statusCode());
        assertEquals(500, filtered.statusCode());
        assertEquals(200, again.statusCode());
    }
}
