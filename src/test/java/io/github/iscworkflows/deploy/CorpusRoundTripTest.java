package io.github.iscworkflows.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.SecretMasking;
import io.github.iscworkflows.workflow.WorkflowJson;
import io.github.iscworkflows.workflow.WorkflowLoader;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow of the real-export corpus (folder in the system property {@code isc.corpus}) is deployed,
 * exported and deployed again, and every scalar value keeps its type and spelling on the way, except
 * literal secrets, which the export writes as null and the second deploy leaves alone on the tenant.
 */
class CorpusRoundTripTest {

    @TempDir
    Path temp;

    static List<WorkflowSource> corpusWorkflows() throws IOException {
        String folder = System.getProperty("isc.corpus");
        Assumptions.assumeTrue(
                folder != null && Files.isDirectory(Path.of(folder)),
                "Skipped: no workflow corpus at " + folder + " (set -Disc.corpus=<folder of real exports>).");
        LoadResult loaded = new WorkflowLoader(Path.of(folder)).load(List.of(), List.of());
        return loaded.workflows();
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusWorkflowRoundTrips() throws IOException {
        return corpusWorkflows().stream()
                .map(source ->
                        DynamicTest.dynamicTest(source.displayPath() + source.pointer(), () -> roundTrip(source)));
    }

    private void roundTrip(WorkflowSource source) throws Exception {
        Path run = Files.createTempDirectory(temp, "run");
        FakeIscApi api = new FakeIscApi();
        DeployOptions options = DeployOptions.defaults("corpus.example", run.resolve("out"));
        Map<String, String> original = sourceLeaves(source);
        Set<String> refIdPointers = new HashSet<>();
        for (CredentialReference credential : CredentialReference.findAll(source.workflow())) {
            refIdPointers.add(credential.pointer() + "/refID");
        }

        DeployResult created = new Deployer(api, options, new RecordingLog()).deploy(List.of(source));
        assertEquals(Result.CREATED, created.outcomes().get(0).result());
        String body = api.writes().get(0).body();
        assertValuesKept(original, JsonLeaves.of(body), refIdPointers, "POST body");
        String normalised = WorkflowJson.COMPACT.toJson(WorkflowJson.normalised(source.workflow()));
        assertValuesKept(original, JsonLeaves.of(normalised), refIdPointers, "normalised form");

        Path exportFolder = run.resolve("exported");
        new Exporter(api, new RecordingLog()).export(exportFolder, List.of(), false);
        List<Path> files;
        try (Stream<Path> list = Files.list(exportFolder)) {
            files = list.toList();
        }
        assertEquals(1, files.size());
        String exported = Files.readString(files.get(0), StandardCharsets.UTF_8);
        Map<String, String> exportedLeaves = JsonLeaves.of(exported);
        Set<String> secretPointers = literalSecretPointers(source);
        for (String pointer : secretPointers) {
            assertEquals("null", exportedLeaves.get(pointer), pointer + " holds a literal secret, exported as null");
        }
        Set<String> skipped = new HashSet<>(refIdPointers);
        skipped.addAll(secretPointers);
        assertValuesKept(original, exportedLeaves, skipped, "exported file");
        assertFalse(exported.contains("\"refID\""), "exported file has no refID");

        api.clearCalls();
        List<WorkflowSource> reloaded = TestWorkflows.load(exportFolder);
        DeployResult again = new Deployer(api, options, new RecordingLog()).deploy(reloaded);
        assertEquals(Result.UNCHANGED, again.outcomes().get(0).result());
        assertEquals(List.of(), api.writes());

        List<Exporter.ExportedWorkflow> second =
                new Exporter(api, new RecordingLog()).export(exportFolder, List.of(), false);
        assertEquals(Exporter.Status.UNCHANGED, second.get(0).status());
    }

    /** The places of the literal secrets in the workflow, which export writes as null. */
    private static Set<String> literalSecretPointers(WorkflowSource source) {
        Map<String, String> plain = JsonLeaves.of(WorkflowJson.COMPACT.toJson(source.workflow()));
        Map<String, String> masked =
                JsonLeaves.of(WorkflowJson.COMPACT.toJson(SecretMasking.withoutSecrets(source.workflow())));
        Set<String> pointers = new HashSet<>();
        plain.forEach((pointer, value) -> {
            if (!value.equals(masked.get(pointer))) {
                pointers.add(pointer);
            }
        });
        return pointers;
    }

    /** The leaves of the workflow object inside its file, relative to the workflow. */
    private static Map<String, String> sourceLeaves(WorkflowSource source) throws IOException {
        Map<String, String> all = JsonLeaves.of(Files.readString(source.file(), StandardCharsets.UTF_8));
        Map<String, String> leaves = new LinkedHashMap<>();
        String prefix = source.pointer();
        for (Map.Entry<String, String> entry : all.entrySet()) {
            if (entry.getKey().startsWith(prefix + "/")) {
                leaves.put(entry.getKey().substring(prefix.length()), entry.getValue());
            }
        }
        return leaves;
    }

    private static void assertValuesKept(
            Map<String, String> original, Map<String, String> output, Set<String> skippedPointers, String where) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> entry : original.entrySet()) {
            String pointer = entry.getKey();
            String topLevel = pointer.substring(1).split("/", 2)[0];
            if (WorkflowJson.READ_ONLY_FIELDS.contains(topLevel)
                    || topLevel.equals("enabled")
                    || skippedPointers.contains(pointer)) {
                continue;
            }
            String actual = output.get(pointer);
            if (!entry.getValue().equals(actual)) {
                differences.add(pointer + ": expected " + entry.getValue() + " but was " + actual);
            }
        }
        assertEquals(List.of(), differences, "values changed in the " + where);
    }
}
