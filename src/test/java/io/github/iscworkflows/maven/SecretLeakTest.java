package io.github.iscworkflows.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.iscworkflows.emulator.EmulatorOptions;
import io.github.iscworkflows.emulator.Fault;
import io.github.iscworkflows.emulator.IscEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full run of deploy (refused, dry run, create, failing update, update) and export with literal secrets in
 * a workflow file: no log line at any level, no exception message and no file under {@code target/} or the
 * export folder contains them.
 */
@MojoTest
class SecretLeakTest {

    private static final String POM = "src/test/resources/unit/deploy/pom.xml";
    private static final String FIRST_SECRET = "Zq7-ClientSecret-Alpha-4417";
    private static final String SECOND_SECRET = "Zq7-ClientSecret-Beta-9902";
    private static final String BODY_PASSWORD = "Zq7-FormPassword-5531";
    private static final List<String> SECRETS = List.of(FIRST_SECRET, SECOND_SECRET, BODY_PASSWORD);

    @TempDir
    Path temp;

    private IscEmulator emulator;
    private Path workflows;
    private final AllLevelsLog log = new AllLevelsLog();
    private final List<String> exceptionMessages = new ArrayList<>();

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

    private void prepare(AbstractIscMojo mojo, Path folder) {
        mojo.workflowsDirectory = folder.toFile();
        mojo.buildDirectory = temp.resolve("target").toFile();
        mojo.url = emulator.url();
        mojo.clientId = "emulator";
        mojo.clientSecret = "emulator";
        mojo.apiVersion = "v2025";
        mojo.connectTimeout = 5;
        mojo.timeout = 30;
        mojo.setLog(log);
    }

    private void writeWorkflow(String description, String secret) throws IOException {
        Files.writeString(
                workflows.resolve("caller.json"),
                """
                {
                  "name": "Secret Caller",
                  "description": "%s",
                  "definition": {
                    "start": "Call API",
                    "steps": {
                      "Call API": {
                        "actionId": "sp:http",
                        "attributes": {
                          "authenticationType": "OAuth",
                          "formRequestBody": {"grant_type": "password", "password": "%s"},
                          "method": "post",
                          "oAuthClientId": "client-1",
                          "oAuthClientSecret": "%s",
                          "oAuthTokenUrl": "https://example.com/token",
                          "url": "https://example.com/api"
                        },
                        "nextStep": "End",
                        "type": "action",
                        "versionNumber": 2
                      },
                      "End": {"type": "success"}
                    }
                  },
                  "trigger": {"type": "EXTERNAL", "attributes": {}}
                }
                """.formatted(description, BODY_PASSWORD, secret),
                StandardCharsets.UTF_8);
    }

    private void run(AbstractIscMojo mojo) {
        try {
            mojo.execute();
        } catch (MojoExecutionException | MojoFailureException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                exceptionMessages.add(String.valueOf(t.getMessage()));
            }
        }
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL, pom = POM)
    void noSecretOfAWorkflowFileReachesALogAReportABackupOrAnExport(DeployMojo deploy) throws Exception {
        prepare(deploy, workflows);
        writeWorkflow("first", FIRST_SECRET);
        run(deploy);
        assertEquals(1, exceptionMessages.size(), "validation refuses the literal secret");
        deploy.skipRules = List.of("credential-secret-literal");
        deploy.dryRun = true;
        run(deploy);
        deploy.dryRun = false;
        run(deploy);
        writeWorkflow("second", SECOND_SECRET);
        deploy.dryRun = true;
        run(deploy);
        deploy.dryRun = false;
        emulator.faults()
                .add(Fault.status(
                                "/workflows/{id}",
                                400,
                                "{\"detailCode\": \"400.1 Bad Request Content\", \"trackingId\": \"t-1\","
                                        + " \"messages\": [{\"locale\": \"en-US\", \"text\": \"oAuthClientSecret "
                                        + SECOND_SECRET + " replaces " + FIRST_SECRET + "\"}]}")
                        .method("PUT"));
        run(deploy);
        run(deploy);
        Path exported = temp.resolve("exported");
        ExportMojo export = new ExportMojo();
        prepare(export, exported);
        run(export);

        List<String> leaks = new ArrayList<>();
        for (String secret : SECRETS) {
            for (String line : log.lines) {
                if (line.contains(secret)) {
                    leaks.add("log: " + line);
                }
            }
            for (String message : exceptionMessages) {
                if (message.contains(secret)) {
                    leaks.add("exception: " + message);
                }
            }
            leaks.addAll(filesContaining(temp.resolve("target"), secret));
            leaks.addAll(filesContaining(exported, secret));
        }
        assertEquals(List.of(), leaks);
        assertEquals(2, exceptionMessages.size(), "the refusal and the failed update: " + exceptionMessages);
        assertEquals(
                2,
                emulator.stats().count("PUT /workflows/{id}"),
                emulator.stats().counts().toString());
        assertTrue(log.text().contains("\"oAuthClientSecret\": \"**** (changed)\""), log.text());
        assertTrue(Files.exists(exported.resolve("Secret Caller.json")));
    }

    private static List<String> filesContaining(Path folder, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> read(file).contains(secret))
                    .map(file -> "file: " + folder.relativize(file))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps every line at every level, debug included, with the text of any exception logged with it. */
    private static final class AllLevelsLog extends SystemStreamLog {

        final List<String> lines = new ArrayList<>();

        private synchronized void add(String level, CharSequence content, Throwable error) {
            lines.add(level + " " + content + (error == null ? "" : " " + error));
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public void debug(CharSequence content) {
            add("debug", content, null);
        }

        @Override
        public void debug(CharSequence content, Throwable error) {
            add("debug", content, error);
        }

        @Override
        public void info(CharSequence content) {
            add("info", content, null);
        }

        @Override
        public void info(CharSequence content, Throwable error) {
            add("info", content, error);
        }

        @Override
        public void warn(CharSequence content) {
            add("warn", content, null);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            add("warn", content, error);
        }

        @Override
        public void error(CharSequence content) {
            add("error", content, null);
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            add("error", content, error);
        }
    }
}
