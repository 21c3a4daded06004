package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.emulator.IscEmulator;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorGoalsTest {

    private MavenSession session;
    private MavenProject project;

    @BeforeEach
    void createBuild() {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("workflows");
        model.setVersion("1.0");
        project = new MavenProject(model);
        @SuppressWarnings("deprecation")
        MavenSession created =
                new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(), project);
        session = created;
    }

    @AfterEach
    void stopLeftovers() {
        EmulatorRegistry.Started left = EmulatorRegistry.remove(EmulatorRegistry.keyOf(project));
        if (left != null) {
            left.emulator().stop();
        }
    }

    @Test
    void startSetsConnectionPropertiesForLaterGoals() throws Exception {
        goal(new EmulatorStartMojo()).execute();

        IscEmulator emulator = EmulatorRegistry.get(EmulatorRegistry.keyOf(project));
        assertNotNull(emulator);
        assertEquals(emulator.url(), session.getUserProperties().getProperty("isc.url"));
        assertEquals(emulator.url(), project.getProperties().getProperty("isc.url"));
        assertEquals("emulator", session.getUserProperties().getProperty("isc.clientId"));
        assertEquals("emulator", project.getProperties().getProperty("isc.clientSecret"));
        assertEquals(200, tokenStatus(emulator.url()));
    }

    @Test
    void startPassesMaxOffset() throws Exception {
        EmulatorStartMojo start = goal(new EmulatorStartMojo());
        start.maxOffset = 2000;

        start.execute();

        assertEquals(
                2000,
                EmulatorRegistry.get(EmulatorRegistry.keyOf(project)).options().maxOffset());
    }

    @Test
    void startRejectsNegativeMaxOffset() {
        EmulatorStartMojo start = goal(new EmulatorStartMojo());
        start.maxOffset = -1;

        MojoFailureException failure = assertThrows(MojoFailureException.class, start::execute);

        assertEquals(
                "Invalid maximum offset -1: use 0 (off) or more. Check <port> (-Disc.emulator.port), <rateLimit>"
                        + " (-Disc.emulator.rateLimit) and <maxOffset> (-Disc.emulator.maxOffset).",
                failure.getMessage());
    }

    @Test
    void startRejectsUrlFromCommandLine() {
        session.getUserProperties().setProperty("isc.url", "https://acme.api.identitynow.com");
        EmulatorStartMojo start = goal(new EmulatorStartMojo());

        MojoFailureException failure = assertThrows(MojoFailureException.class, start::execute);

        assertEquals(
                "isc.url is set to https://acme.api.identitynow.com on the command line, so the later isc goals"
                        + " would call that URL instead of the emulator. Remove -Disc.url to use the emulator, or"
                        + " skip emulator-start with -Disc.emulator.skip=true to use that URL.",
                failure.getMessage());
        assertNull(EmulatorRegistry.get(EmulatorRegistry.keyOf(project)));
    }

    @Test
    void stopStopsTheStartedEmulator() throws Exception {
        goal(new EmulatorStartMojo()).execute();
        IscEmulator emulator = EmulatorRegistry.get(EmulatorRegistry.keyOf(project));

        goal(new EmulatorStopMojo()).execute();

        assertTrue(emulator.isStopped());
        assertNull(EmulatorRegistry.get(EmulatorRegistry.keyOf(project)));
    }

    @Test
    void stopRestoresPreviousProperties() throws Exception {
        session.getUserProperties().setProperty("isc.clientId", "ci-client");
        goal(new EmulatorStartMojo()).execute();

        goal(new EmulatorStopMojo()).execute();

        assertEquals("ci-client", session.getUserProperties().getProperty("isc.clientId"));
        assertNull(session.getUserProperties().getProperty("isc.url"));
        assertNull(project.getProperties().getProperty("isc.url"));
    }

    @Test
    void stopWithoutStartDoesNothing() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();

        goal(new EmulatorStopMojo(), lines).execute();

        assertEquals(
                List.of(
                        "No emulator started by emulator-start is running for com.example:workflows:1.0; nothing to stop."),
                lines);
    }

    @Test
    void secondStartIsRejected() throws Exception {
        goal(new EmulatorStartMojo()).execute();

        MojoFailureException error = assertThrows(
                MojoFailureException.class, () -> goal(new EmulatorStartMojo()).execute());

        assertEquals(
                "An emulator started by emulator-start is already running for com.example:workflows:1.0: run"
                        + " emulator-stop before starting another one.",
                error.getMessage());
    }

    @Test
    void iscSkipStartsNothing() throws Exception {
        EmulatorStartMojo start = goal(new EmulatorStartMojo());
        start.skip = true;

        start.execute();

        assertNull(EmulatorRegistry.get(EmulatorRegistry.keyOf(project)));
        assertNull(session.getUserProperties().getProperty("isc.url"));
    }

    @Test
    void emulatorSkipStartsNothing() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        EmulatorStartMojo start = goal(new EmulatorStartMojo(), lines);
        start.emulatorSkip = true;

        start.execute();

        assertNull(EmulatorRegistry.get(EmulatorRegistry.keyOf(project)));
        assertEquals(List.of("Skipping emulator-start: isc.emulator.skip is true."), lines);
    }

    @Test
    void unknownModeFailsWithFix() {
        EmulatorStartMojo start = goal(new EmulatorStartMojo());
        start.mode = "sometimes";

        MojoFailureException error = assertThrows(MojoFailureException.class, start::execute);

        assertEquals(
                "Invalid reference mode 'sometimes': use one of never, on-create, on-enable, dangling. Set <mode> or"
                        + " -Disc.emulator.mode.",
                error.getMessage());
    }

    @Test
    void missingStateFileFailsWithFix() {
        EmulatorStartMojo start = goal(new EmulatorStartMojo());
        start.state = new File("does-not-exist.json");

        MojoFailureException error = assertThrows(MojoFailureException.class, start::execute);

        assertEquals(
                "Emulator state file does-not-exist.json does not exist: fix <state> or -Disc.emulator.state, or leave"
                        + " it out to start with an empty tenant.",
                error.getMessage());
    }

    @Test
    void foregroundGoalRunsUntilShutdownCall() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        EmulatorMojo foreground = goal(new EmulatorMojo(), lines);
        Thread runner = new Thread(() -> {
            try {
                foreground.execute();
            } catch (Exception e) {
                lines.add("failed: " + e);
            }
        });
        runner.start();
        String url = awaitUrl(lines);

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/emulator/shutdown"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        runner.join(TimeUnit.SECONDS.toMillis(10));

        assertEquals(202, response.statusCode());
        assertTrue(!runner.isAlive(), "the goal should return after the shutdown call");
        assertEquals("ISC emulator stopped.", lines.get(lines.size() - 1));
        assertEquals(
                "Client id: emulator, client secret: emulator (the emulator's own test credentials).", lines.get(1));
    }

    private <T extends AbstractEmulatorMojo> T goal(T mojo) {
        return goal(mojo, new CopyOnWriteArrayList<>());
    }

    private <T extends AbstractEmulatorMojo> T goal(T mojo, List<String> lines) {
        mojo.session = session;
        mojo.project = project;
        mojo.emulatorClientId = "emulator";
        mojo.emulatorClientSecret = "emulator";
        mojo.rateLimit = 100;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        return mojo;
    }

    private static String awaitUrl(List<String> lines) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (String line : lines) {
                if (line.startsWith("ISC emulator running at ")) {
                    return line.substring("ISC emulator running at ".length(), line.indexOf(" (reference mode"));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The emulator goal printed no URL: " + lines);
    }

    private static int tokenStatus(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=emulator&client_secret=emulator"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
