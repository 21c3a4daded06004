package io.github.iscworkflows.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscClient;
import io.github.iscworkflows.client.IscClientConfig;
import io.github.iscworkflows.client.ListingException;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection on an emulated tenant whose workflow listing fails beyond offset 2,000. */
class WorkflowSelectorCeilingTest {

    @TempDir
    Path temp;

    private IscEmulator emulator;
    private IscClient client;
    private String targetId;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(
                EmulatorOptions.builder().noRateLimit().maxOffset(2_000).build());
        client = new IscClient(IscClientConfig.builder(emulator.url(), "emulator", "emulator")
                .maxRetries(0)
                .build());
        for (int i = 0; i < 2_100; i++) {
            JsonObject workflow = new JsonObject();
            workflow.addProperty("name", i == 2_050 ? "Target" : "Bulk " + i);
            JsonObject stored = emulator.state().putWorkflow(workflow);
            if (i == 2_050) {
                targetId = stored.get("id").getAsString();
            }
        }
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void nameBeyondCeilingIsSelected() throws Exception {
        WorkflowSelector.Request request = new WorkflowSelector.Request(List.of("Target"), null, null, null, null);

        Selection selection = new WorkflowSelector(client).select(request);

        assertEquals(List.of(new SelectedWorkflow("Target", targetId, null, null)), selection.workflows());
        assertEquals(List.of(), selection.errors());
    }

    @Test
    void localFileBeyondCeilingIsSelected() throws Exception {
        Path folder = temp.resolve("workflows");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("target.json"), "{\"name\": \"Target\", \"definition\": {\"steps\": {}}}");
        WorkflowSelector.Request request = new WorkflowSelector.Request(List.of(), null, folder, null, null);

        Selection selection = new WorkflowSelector(client).select(request);

        assertEquals(1, selection.workflows().size());
        assertEquals(targetId, selection.workflows().get(0).id());
        assertEquals(List.of(), selection.errors());
    }

    @Test
    void patternNeedsFullListing() {
        WorkflowSelector.Request request = new WorkflowSelector.Request(List.of("Targ*"), null, null, null, null);

        ListingException failure =
                assertThrows(ListingException.class, () -> new WorkflowSelector(client).select(request));

        assertEquals(2_000, failure.offset());
        assertEquals(400, failure.status());
    }
}
