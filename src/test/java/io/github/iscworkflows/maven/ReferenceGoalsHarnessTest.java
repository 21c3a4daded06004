package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MojoTest
class ReferenceGoalsHarnessTest {

    private static final String POM = "src/test/resources/unit/references/pom.xml";

    @Inject
    private MavenSession session;

    @BeforeEach
    void pointAtClosedPort() {
        // Nothing listens here: a goal that is not skipped fails when it connects.
        session.getUserProperties().setProperty("isc.url", "http://127.0.0.1:9");
        session.getUserProperties().setProperty("isc.clientId", "emulator");
        session.getUserProperties().setProperty("isc.clientSecret", "emulator");
        session.getUserProperties().setProperty("isc.maxRetries", "0");
    }

    @Test
    @InjectMojo(goal = CheckReferencesMojo.GOAL, pom = POM)
    @MojoParameter(name = "skipCheckReferences", value = "true")
    void checkReferencesSkipStopsBeforeNetwork(CheckReferencesMojo mojo) {
        assertDoesNotThrow(mojo::execute);
    }

    @Test
    @InjectMojo(goal = EnableMojo.GOAL, pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void commonSkipStopsEnable(EnableMojo mojo) {
        assertDoesNotThrow(mojo::execute);
    }

    @Test
    @InjectMojo(goal = EnableMojo.GOAL, pom = POM)
    @MojoParameter(name = "skipCheckReferences", value = "true")
    @MojoParameter(name = "workflows", value = "Notify")
    void checkReferencesSkipDoesNotSkipEnable(EnableMojo mojo) {
        assertThrows(MojoExecutionException.class, mojo::execute);
    }

    @Test
    @InjectMojo(goal = CheckReferencesMojo.GOAL, pom = POM)
    @MojoParameter(name = "failOn", value = "sometimes")
    void invalidFailOnFailsBeforeNetwork(CheckReferencesMojo mojo) {
        MojoFailureException thrown = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "Invalid <failOn> value 'sometimes' (-Disc.references.failOn); use missing (fail on findings) or"
                        + " never (report only).",
                thrown.getMessage());
    }

    @Test
    @InjectMojo(goal = EnableMojo.GOAL, pom = POM)
    @MojoParameter(name = "disable", value = "true")
    @MojoParameter(name = "enableAll", value = "true")
    void disableWithEnableAllIsRejected(EnableMojo mojo) {
        MojoFailureException thrown = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "<disable> (-Disc.disable) cannot be combined with <enableAll> (-Disc.enableAll) or"
                        + " <refreshReferences> (-Disc.enable.refreshReferences); set only one.",
                thrown.getMessage());
    }

    @Test
    @InjectMojo(goal = WorkflowTestMojo.GOAL, pom = POM)
    void testGoalNeedsWorkflowName(WorkflowTestMojo mojo) {
        MojoFailureException thrown = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "No workflow to test: set <workflow> (-Disc.test.workflow=NAME) to a deployed workflow's name.",
                thrown.getMessage());
    }

    @Test
    @InjectMojo(goal = WorkflowTestMojo.GOAL, pom = POM)
    @MojoParameter(name = "workflow", value = "Notify")
    @MojoParameter(name = "input", value = "target/does-not-exist.json")
    void testGoalNamesMissingInputFile(WorkflowTestMojo mojo) {
        MojoFailureException thrown = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(
                "The test input file " + new File(MojoExtension.getBasedir(), "target/does-not-exist.json")
                        + " does not exist. Check <input> (-Disc.test.input).",
                thrown.getMessage());
    }
}
