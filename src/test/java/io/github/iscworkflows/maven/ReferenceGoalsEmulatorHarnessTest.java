package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.IscEmulator;
import io.github.iscworkflows.emulator.ReferenceMode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The reference goals as Maven runs them, against the embedded emulator in mode never. */
@MojoTest
class ReferenceGoalsEmulatorHarnessTest {

    private static final String POM = "src/test/resources/unit/references/pom.xml";
    private static final String TARGET = "target/harness-references";

    @Inject
    private MavenSession session;

    private IscEmulator emulator;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = IscEmulator.start(EmulatorOptions.builder()
                .referenceMode(ReferenceMode.NEVER)
                .noRateLimit()
                .build());
        String parameterId =
                emulator.state().addParameter("crm-oauth", "1.4").get("id").getAsString();
        JsonObject workflow = JsonParser.parseString("""
                {"id": "wf-notify", "name": "Notify CRM", "enabled": false,
                 "definition": {"start": "Call CRM", "steps": {
                   "Call CRM": {"actionId": "sp:http", "type": "action", "nextStep": "End",
                     "attributes": {"param_authenticationRef": "oauth",
                       "param_oauth": {"mapping": {}, "paramID": "%s", "paramType": "1.4"}}},
                   "End": {"type": "success"}}}}
                """.formatted(parameterId)).getAsJsonObject();
        emulator.state().putWorkflow(workflow);
        session.getUserProperties().setProperty("isc.url", emulator.url());
        session.getUserProperties().setProperty("isc.clientId", "emulator");
        session.getUserProperties().setProperty("isc.clientSecret", "emulator");
    }

    @AfterEach
    void stopEmulator() {
        emulator.stop();
    }

    private static Path target() {
        return Path.of(MojoExtension.getBasedir(), TARGET);
    }

    @Test
    @InjectMojo(goal = CheckReferencesMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflows", value = "Notify CRM")
    @MojoParameter(name = "buildDirectory", value = TARGET)
    void gateFailureIsMojoFailureWithReports(CheckReferencesMojo mojo) throws Exception {
        MojoFailureException thrown = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                thrown.getMessage()
                        .startsWith("check-references found 1 problem in 1 of 1 workflow (1 credential"
                                + " object checked):\nWorkflow 'Notify CRM' (id wf-notify):\n  - step 'Call CRM',"
                                + " param_oauth"),
                thrown.getMessage());
        Path junit = target().resolve("isc-reports/TEST-isc-references.xml");
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals("1", document.getDocumentElement().getAttribute("failures"));
        assertTrue(Files.isRegularFile(target().resolve("isc/references-report.json")));
    }

    @Test
    @InjectMojo(goal = CheckReferencesMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflows", value = "Notify CRM")
    @MojoParameter(name = "buildDirectory", value = TARGET)
    @MojoParameter(name = "failOn", value = "never")
    void failOnNeverOnlyReports(CheckReferencesMojo mojo) {
        assertDoesNotThrow(mojo::execute);
    }

    @Test
    @InjectMojo(goal = CheckReferencesMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflows", value = "Notify CRM")
    @MojoParameter(name = "buildDirectory", value = TARGET)
    void gatePassesAfterUiToggle(CheckReferencesMojo mojo) {
        emulator.state().uiToggle("wf-notify");

        assertDoesNotThrow(mojo::execute);
    }

    @Test
    @InjectMojo(goal = EnableMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflows", value = "Notify*")
    @MojoParameter(name = "buildDirectory", value = TARGET)
    @MojoParameter(name = "dryRun", value = "true")
    void enableDryRunWritesNothing(EnableMojo mojo) throws Exception {
        mojo.execute();

        assertEquals(
                false,
                emulator.state()
                        .workflow("wf-notify")
                        .orElseThrow()
                        .get("enabled")
                        .getAsBoolean());
        assertEquals(1, emulator.stats().count("GET /workflows/{id}"));
        assertEquals(0, emulator.stats().count("PATCH /workflows/{id}"));
    }

    @Test
    @InjectMojo(goal = EnableMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflows", value = "Notify CRM")
    @MojoParameter(name = "buildDirectory", value = TARGET)
    void enableEnablesNamedWorkflow(EnableMojo mojo) throws Exception {
        mojo.execute();

        assertEquals(
                true,
                emulator.state()
                        .workflow("wf-notify")
                        .orElseThrow()
                        .get("enabled")
                        .getAsBoolean());
    }

    @Test
    @InjectMojo(goal = WorkflowTestMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflow", value = "Notify CRM")
    @MojoParameter(name = "pollInterval", value = "1")
    void failedTestRunIsMojoFailure(WorkflowTestMojo mojo) {
        MojoFailureException thrown = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(
                thrown.getMessage().contains("ended Failed: step 'Call CRM' failed (ActivityTaskFailed)"),
                thrown.getMessage());
    }
}
