package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Literal secrets of workflows stay out of logs, diffs, plans, reports, backups and exported files. */
class SecretMaskingTest {

    @TempDir
    Path temp;

    private Path workflows;
    private Path output;
    private FakeIscApi api;
    private RecordingLog log;

    @BeforeEach
    void setUp() {
        workflows = temp.resolve("workflows");
        output = temp.resolve("target/isc");
        api = new FakeIscApi();
        log = new RecordingLog();
    }

    /** A workflow with an inline OAuth HTTP step whose secret is {@code secret} (JSON text, quoted or null). */
    static String inlineSecret(String name, String description, String secret) {
        return """
                {
                  "name": "%s",
                  "description": "%s",
                  "owner": {"type": "IDENTITY", "id": "owner-1", "name": "Owner One"},
                  "definition": {
                    "start": "Call API",
                    "steps": {
                      "Call API": {
                        "actionId": "sp:http",
                        "attributes": {
                          "authenticationType": "OAuth",
                          "method": "get",
                          "oAuthClientId": "client-1",
                          "oAuthClientSecret": %s,
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
                """.formatted(name, description, secret);
    }

    private DeployResult deploy(boolean dryRun) throws Exception {
        DeployOptions options = DeployOptions.defaults("acme.example", output).withDryRun(dryRun);
        return new Deployer(api, options, log).deploy(load(workflows));
    }

    @Test
    void dryRunDiffShowsThatASecretChangedWithoutEitherValue() throws Exception {
        api.seed(parse(inlineSecret("Caller", "old", "\"hunter2\"")));
        write(workflows, "caller.json", inlineSecret("Caller", "new", "\"hunter3\""));

        deploy(true);

        String text = log.text();
        assertFalse(text.contains("hunter"), text);
        assertTrue(text.contains("\n-          \"oAuthClientSecret\": \"****\",\n"), text);
        assertTrue(text.contains("\n+          \"oAuthClientSecret\": \"**** (changed)\",\n"), text);
        assertFalse(Files.readString(output.resolve(DeployReport.PLAN_FILE)).contains("hunter"));
    }

    @Test
    void dryRunDiffDoesNotListAnUnchangedSecretAsChanged() throws Exception {
        api.seed(parse(inlineSecret("Caller", "old", "\"hunter2\"")));
        write(workflows, "caller.json", inlineSecret("Caller", "new", "\"hunter2\""));

        deploy(true);

        String text = log.text();
        assertFalse(text.contains("hunter"), text);
        assertTrue(text.contains("\n+  \"description\": \"new\",\n"), text);
        assertFalse(text.contains("-          \"oAuthClientSecret"), text);
        assertFalse(text.contains("+          \"oAuthClientSecret"), text);
    }

    @Test
    void backupWritesNullForALiteralSecretOfTheTenant() throws Exception {
        api.seed(parse(inlineSecret("Caller", "old", "\"hunter2\"")));
        write(workflows, "caller.json", inlineSecret("Caller", "new", "\"$.secrets.1f2e3d4c\""));

        DeployResult result = deploy(false);

        Path backup = result.outcomes().get(0).backup();
        JsonObject saved = parse(Files.readString(backup, StandardCharsets.UTF_8));
        assertTrue(attributes(saved).get("oAuthClientSecret").isJsonNull());
        assertEquals(List.of(), filesContaining(temp.resolve("target"), "hunter2"));
    }

    @Test
    void fileWithNullSecretLeavesTheTenantsSecretInPlace() throws Exception {
        String id = api.seed(parse(inlineSecret("Caller", "same", "\"hunter2\"")));
        write(workflows, "caller.json", inlineSecret("Caller", "same", "null"));

        DeployResult unchanged = deploy(false);
        write(workflows, "caller.json", inlineSecret("Caller", "changed", "null"));
        DeployResult updated = deploy(false);

        assertEquals(Result.UNCHANGED, unchanged.outcomes().get(0).result());
        assertEquals(Result.UPDATED, updated.outcomes().get(0).result());
        assertEquals(
                "hunter2", attributes(api.stored(id)).get("oAuthClientSecret").getAsString());
        assertFalse(log.text().contains("hunter2"), log.text());
    }

    @Test
    void errorsQuotingASecretAreMaskedInTheLogAndReport() throws Exception {
        write(workflows, "caller.json", inlineSecret("Caller", "new", "\"hunter2\""));
        api.failWhen(call -> call.method().equals("POST")
                ? new io.github.iscworkflows.client.IscException(
                        "body rejected: {\"oAuthClientSecret\": \"hunter2\"}", 400)
                : null);

        DeployResult result = deploy(false);

        assertEquals(Result.FAILED, result.outcomes().get(0).result());
        assertFalse(log.text().contains("hunter2"), log.text());
        assertTrue(log.text().contains("body rejected: {\"oAuthClientSecret\": \"****\"}"), log.text());
        assertEquals(List.of(), filesContaining(temp.resolve("target"), "hunter2"));
    }

    @Test
    void exportWritesNullForLiteralSecretsAndKeepsReferences() throws Exception {
        JsonObject remote = parse(inlineSecret("Caller", "d", "\"hunter2\""));
        JsonObject attributes = attributes(remote);
        attributes.addProperty("basicAuthPassword", "$.secrets.1f2e3d4c");
        attributes.addProperty("clientSecretTemplate", "{{$.getToken.body.secret}}");
        attributes.add(
                "headers",
                parse("{\"Authorization\": \"Bearer {{$.getToken.body.access_token}}\","
                        + " \"X-Api-Key\": \"k-123456\"}"));
        api.seed(remote);

        new Exporter(api, log).export(workflows, List.of(), false);

        JsonObject exported = parse(Files.readString(workflows.resolve("Caller.json"), StandardCharsets.UTF_8));
        JsonObject written = attributes(exported);
        assertTrue(written.get("oAuthClientSecret").isJsonNull());
        assertEquals("$.secrets.1f2e3d4c", written.get("basicAuthPassword").getAsString());
        assertEquals(
                "{{$.getToken.body.secret}}",
                written.get("clientSecretTemplate").getAsString());
        JsonObject headers = written.getAsJsonObject("headers");
        assertEquals(
                "Bearer {{$.getToken.body.access_token}}",
                headers.get("Authorization").getAsString());
        assertTrue(headers.get("X-Api-Key").isJsonNull());
        assertEquals("client-1", written.get("oAuthClientId").getAsString());
        assertFalse(log.text().contains("hunter2"), log.text());
    }

    private static JsonObject attributes(JsonObject workflow) {
        return workflow.getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Call API")
                .getAsJsonObject("attributes");
    }

    /** Every file under {@code folder} whose text contains {@code secret}. */
    static List<Path> filesContaining(Path folder, String secret) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(secret);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
