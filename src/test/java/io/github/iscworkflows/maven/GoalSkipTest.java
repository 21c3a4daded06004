package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A goal's own skip property silences that goal only. */
@MojoTest
class GoalSkipTest {

    private static final String POM = "src/test/resources/unit/skip-one-goal/pom.xml";

    @Inject
    private MavenSession session;

    @TempDir
    Path target;

    @BeforeEach
    void setUp() {
        session.getUserProperties().setProperty("isc.validate.skip", "true");
    }

    @Test
    @InjectMojo(goal = ValidateMojo.GOAL, pom = POM)
    void validateSkipSilencesValidate(ValidateMojo mojo) throws Exception {
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.buildDirectory = target.toFile();
        mojo.workflowsDirectory = new File("src/test/resources/unit/validate-errors/workflows");

        mojo.execute();

        assertEquals(List.of("info Skipping validate: isc.validate.skip is true."), log.lines);
    }

    @Test
    @InjectMojo(goal = EmulatorStopMojo.GOAL, pom = POM)
    void validateSkipLeavesEmulatorStopRunning(EmulatorStopMojo mojo) throws Exception {
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).endsWith("; nothing to stop."), log.lines.get(0));
    }
}
