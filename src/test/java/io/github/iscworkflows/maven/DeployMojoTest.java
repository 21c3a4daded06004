package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class DeployMojoTest {

    private static final String POM = "src/test/resources/unit/deploy/pom.xml";

    @TempDir
    Path temp;

    private IscEmulator emulator;
    private Path workflows;

    @BeforeEach
    void start() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder().noRateLimit().build());
        workflows = temp.resolve("workflows");
        Files.createDirectories(workflows);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private RecordingMavenLog prepare(AbstractIscMojo mojo) {
        mojo.workflowsDirectory = workflows.toFile();
        mojo.buildDirectory = temp.resolve("target").toFile();
        mojo.url = emulator.url();
        mojo.clientId = "emulator";
        mojo.clientSecret = "emulator";
        mojo.apiVersion = "v2025";
        mojo.connectTimeout = 5;
        mojo.timeout = 30;
        RecordingMavenLog log = new RecordingMavenLog();
        mojo.setLog(log);
        return log;
    }

    private void write(String file, String name, String description) throws Exception {
        Files.writeString(
                workflows.resolve(file),
                "{\"name\": \"" + name + "\", \"description\": \"" + description + "\", \"definition\": {\"start\":"
                        + " \"End\", \"steps\": {\"End\": {\"type\": \"success\"}}}, \"trigger\": {\"type\":"
                        + " \"EXTERNAL\", \"attributes\": {}}}",
                StandardCharsets.UTF_8);
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void deployCreatesWorkflowsAndWritesTheReport(DeployMojo mojo) throws Exception {
        RecordingMavenLog log = prepare(mojo);
        write("a.json", "Alpha", "a");
        write("b.json", "Beta", "b");

        mojo.execute();

        JsonObject report = JsonParser.parseString(Files.readString(temp.resolve("target/isc/deploy-report.json")))
                .getAsJsonObject();
        assertEquals(2, report.getAsJsonObject("totals").get("created").getAsInt());
        assertEquals(2, emulator.stats().count("POST /workflows"));
        assertTrue(log.text().contains("Plan for 127.0.0.1:" + emulator.port() + ": 2 create, 0 update"), log.text());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void deploySkipSkipsWithoutContactingTheTenant(DeployMojo mojo) throws Exception {
        RecordingMavenLog log = prepare(mojo);
        mojo.deploySkip = true;
        write("a.json", "Alpha", "a");

        mojo.execute();

        assertEquals("[info] Skipping deploy: isc.deploy.skip is true.", log.lines.get(0));
        assertEquals(0, emulator.stats().total());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void loadErrorsStopTheDeployBeforeAnyRequest(DeployMojo mojo) throws Exception {
        prepare(mojo);
        write("a.json", "Alpha", "a");
        Files.writeString(workflows.resolve("broken.json"), "{\"name\": \"Broken\",\n  \"definition\": }");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "1 workflow file problem(s) prevent the deploy; nothing was sent:\n"
                        + "  broken.json:2:17: error json-syntax invalid JSON: expected a value but found '}'.\n"
                        + "Run mvn isc:validate to see every finding.",
                failure.getMessage());
        assertEquals(0, emulator.stats().total());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void conflictFailsTheBuildAfterDeployingTheRest(DeployMojo mojo) throws Exception {
        prepare(mojo);
        for (int i = 0; i < 2; i++) {
            JsonObject twin = JsonParser.parseString("{\"name\": \"Twin\", \"definition\": {}}")
                    .getAsJsonObject();
            emulator.state().putWorkflow(twin);
        }
        write("a.json", "Alpha", "a");
        write("twin.json", "Twin", "t");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "1 of 2 workflow(s) failed to deploy: 'Twin'. The reasons are listed above and in "
                        + temp.resolve("target/isc/deploy-report.json")
                        + ". The others were deployed; after fixing the cause, run isc:deploy again.",
                failure.getMessage());
        assertEquals(1, emulator.stats().count("POST /workflows"));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void duplicateNamesFailThePlan(DeployMojo mojo) throws Exception {
        prepare(mojo);
        write("a.json", "Same", "a");
        write("b.json", "Same", "b");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                failure.getMessage().startsWith("The deploy plan has 1 problem(s):\n  b.json:1:2: error"),
                failure.getMessage());
        assertEquals(0, emulator.stats().count("POST /workflows"));
    }

    @Test
    @InjectMojo(goal = ExportMojo.GOAL, pom = POM)
    void exportWritesOneFilePerWorkflow(ExportMojo mojo) throws Exception {
        RecordingMavenLog log = prepare(mojo);
        emulator.state()
                .putWorkflow(JsonParser.parseString("{\"name\": \"Remote One\", \"definition\": {}}")
                        .getAsJsonObject());

        mojo.execute();

        assertTrue(Files.exists(workflows.resolve("Remote One.json")));
        assertTrue(
                log.lines.contains(
                        "[info] Exported 1 workflow(s) to " + workflows + ": 1 written, 0 unchanged, 0" + " skipped."),
                log.text());
    }
}
