package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
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

    @Inject
    private MavenSession session;

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
    void userPropertiesFillPlaceholders(DeployMojo mojo) throws Exception {
        prepare(mojo);
        session.getUserProperties().setProperty("team", "IAM");
        write("a.json", "Alpha", "${team} workflow");

        mojo.execute();

        JsonObject stored = emulator.state().workflows().get(0);
        assertEquals("IAM workflow", stored.get("description").getAsString());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void dryRunWritesThePlanAndNothingElse(DeployMojo mojo) throws Exception {
        RecordingMavenLog log = prepare(mojo);
        mojo.dryRun = true;
        write("a.json", "Alpha", "a");

        mojo.execute();

        assertEquals(0, emulator.stats().count("POST /workflows"));
        assertTrue(Files.exists(temp.resolve("target/isc/deploy-plan.json")));
        assertTrue(log.text().contains("Dry run: nothing was written to 127.0.0.1:" + emulator.port()), log.text());
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
                "Deploy refused: the isc:validate rules find 1 error in the workflow files; nothing was sent to the"
                        + " tenant:\n"
                        + "  broken.json:2:17: error json-syntax invalid JSON: expected a value but found '}'.\n"
                        + "Fix them, or run mvn isc:validate for the full report; skip a rule with"
                        + " -Disc.validate.skipRules=<id>.",
                failure.getMessage());
        assertEquals(0, emulator.stats().total());
    }

    /** A workflow whose start names no step, which isc:validate reports as an error. */
    private void writeWithUnknownStart(String file, String name) throws Exception {
        Files.writeString(
                workflows.resolve(file),
                "{\"name\": \"" + name + "\", \"definition\": {\"start\": \"Begin\", \"steps\": {\"End\":"
                        + " {\"type\": \"success\"}}}, \"trigger\": {\"type\": \"EXTERNAL\", \"attributes\": {}}}",
                StandardCharsets.UTF_8);
    }

    /** A workflow whose HTTP step sends an inline OAuth client secret. */
    private void writeWithLiteralSecret(String file, String name, String secret) throws Exception {
        Files.writeString(
                workflows.resolve(file),
                "{\"name\": \"" + name + "\", \"definition\": {\"start\": \"Call\", \"steps\": {\"Call\":"
                        + " {\"actionId\": \"sp:http\", \"type\": \"action\", \"versionNumber\": 2,"
                        + " \"nextStep\": \"End\", \"attributes\": {\"authenticationType\": \"OAuth\","
                        + " \"method\": \"get\", \"url\": \"https://example.com/api\","
                        + " \"oAuthClientId\": \"client-1\", \"oAuthTokenUrl\": \"https://example.com/token\","
                        + " \"oAuthClientSecret\": \"" + secret + "\"}}, \"End\": {\"type\": \"success\"}}},"
                        + " \"trigger\": {\"type\": \"EXTERNAL\", \"attributes\": {}}}",
                StandardCharsets.UTF_8);
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void validationErrorsStopTheDeployBeforeAnyRequest(DeployMojo mojo) throws Exception {
        prepare(mojo);
        write("a.json", "Alpha", "a");
        writeWithUnknownStart("b.json", "Beta");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "Deploy refused: the isc:validate rules find 1 error in the workflow files; nothing was sent to the"
                        + " tenant:\n"
                        + "  b.json:1:33: error start-unknown start 'Begin' is not a step of the definition; step names are"
                        + " case-sensitive.\n"
                        + "Fix them, or run mvn isc:validate for the full report; skip a rule with"
                        + " -Disc.validate.skipRules=<id>.",
                failure.getMessage());
        assertEquals(0, emulator.stats().total());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void dryRunIsRefusedOnValidationErrorsToo(DeployMojo mojo) throws Exception {
        prepare(mojo);
        mojo.dryRun = true;
        writeWithUnknownStart("b.json", "Beta");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(failure.getMessage().startsWith("Deploy refused: the isc:validate rules find 1 error"));
        assertEquals(0, emulator.stats().total());
        assertFalse(Files.exists(temp.resolve("target/isc/deploy-plan.json")));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void refusalListsTwentyErrorsAndCountsTheRest(DeployMojo mojo) throws Exception {
        prepare(mojo);
        for (int i = 10; i < 32; i++) {
            writeWithUnknownStart("w" + i + ".json", "Workflow " + i);
        }

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        String[] lines = failure.getMessage().split("\n");
        assertEquals(23, lines.length, failure.getMessage());
        assertTrue(lines[0].startsWith("Deploy refused: the isc:validate rules find 22 errors"), lines[0]);
        assertTrue(lines[20].startsWith("  w29.json:1:40: error start-unknown"), lines[20]);
        assertEquals("  ... and 2 more", lines[21]);
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void warningsDoNotStopTheDeploy(DeployMojo mojo) throws Exception {
        prepare(mojo);
        Files.writeString(
                workflows.resolve("a.json"),
                "{\"name\": \"Alpha\", \"enabled\": true, \"definition\": {\"start\": \"End\", \"steps\":"
                        + " {\"End\": {\"type\": \"success\"}}}, \"trigger\": {\"type\": \"EXTERNAL\","
                        + " \"attributes\": {}}}",
                StandardCharsets.UTF_8);

        mojo.execute();

        assertEquals(1, emulator.stats().count("POST /workflows"));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void secretPropertiesDoNotFillPlaceholders(DeployMojo mojo) throws Exception {
        prepare(mojo);
        session.getUserProperties().setProperty("isc.clientSecret", "emulator");
        session.getUserProperties().setProperty("db.password", "pw-value");
        write("a.json", "Alpha", "cs=${isc.clientSecret} pw=${db.password}");

        mojo.execute();

        JsonObject stored = emulator.state().workflows().get(0);
        assertEquals(
                "cs=${isc.clientSecret} pw=${db.password}",
                stored.get("description").getAsString());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void resolvedPlaceholderValuesAreValidatedToo(DeployMojo mojo) throws Exception {
        prepare(mojo);
        session.getUserProperties().setProperty("subject", "Hi {{$.trigger.name}}");
        Files.writeString(
                workflows.resolve("mail.json"),
                "{\"name\": \"Mail\", \"definition\": {\"start\": \"Send\", \"steps\": {\"Send\":"
                        + " {\"type\": \"action\", \"actionId\": \"sp:send-email\", \"nextStep\": \"End\","
                        + " \"attributes\": {\"subject.$\": \"${subject}\", \"recipientEmailList\": [\"a@example.com\"]}},"
                        + " \"End\": {\"type\": \"success\"}}}, \"trigger\": {\"type\": \"EXTERNAL\","
                        + " \"attributes\": {}}}",
                StandardCharsets.UTF_8);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                failure.getMessage().startsWith("The deploy plan has 1 problem(s):\n  mail.json:1:"),
                failure.getMessage());
        assertTrue(
                failure.getMessage().contains("error jsonpath-value-invalid after placeholders were resolved: "),
                failure.getMessage());
        assertEquals(0, emulator.stats().count("POST /workflows"));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void pruneIsRefusedWhenAFileCannotBeRead(DeployMojo mojo) throws Exception {
        prepare(mojo);
        mojo.prune = true;
        mojo.pruneIncludes = List.of("*");
        mojo.skipRules = List.of("json-syntax");
        write("a.json", "Alpha", "a");
        Files.writeString(workflows.resolve("broken.json"), "{\"name\": ,}", StandardCharsets.UTF_8);

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "Prune refused: 1 problem(s) kept files under " + workflows + " from being read, so deploy cannot"
                        + " tell which tenant workflows have no file. Fix them (mvn isc:validate lists them) or"
                        + " deploy without -Disc.prune.",
                failure.getMessage());
        assertEquals(0, emulator.stats().total());
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void skipRulesLetsTheDeployPassARule(DeployMojo mojo) throws Exception {
        prepare(mojo);
        mojo.skipRules = List.of("credential-secret-literal,tenant-url");
        writeWithLiteralSecret("a.json", "Alpha", "s3cr3t-value");

        mojo.execute();

        assertEquals(1, emulator.stats().count("POST /workflows"));
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
                        + ". The others were deployed. After fixing the cause, run isc:deploy again; it changes only"
                        + " what still differs.",
                failure.getMessage());
        assertEquals(1, emulator.stats().count("POST /workflows"));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void duplicateNamesAreRefusedBeforeAnyRequest(DeployMojo mojo) throws Exception {
        prepare(mojo);
        write("a.json", "Same", "a");
        write("b.json", "Same", "b");

        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                failure.getMessage()
                        .contains("\n  b.json:1:2: error duplicate-workflow-name workflow name 'Same' is also used at"
                                + " a.json:1:2;"),
                failure.getMessage());
        assertEquals(0, emulator.stats().total());
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
