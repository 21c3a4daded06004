package io.github.iscworkflows.deploy;

import static io.github.iscworkflows.deploy.TestWorkflows.load;
import static io.github.iscworkflows.deploy.TestWorkflows.parse;
import static io.github.iscworkflows.deploy.TestWorkflows.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import io.github.iscworkflows.support.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceholderTest {

    @TempDir
    Path temp;

    private Path workflows;
    private FakeIscApi api;

    @BeforeEach
    void setUp() {
        workflows = temp.resolve("workflows");
        api = new FakeIscApi();
        api.addParameter("p-100", "ServiceNow OAuth");
        api.addParameter("p-200", "ServiceNow Basic");
        api.addParameter("p-301", "Twin");
        api.addParameter("p-302", "Twin");
        api.addIdentity("i-1", "jane.doe");
    }

    private static String workflow(String ownerId, String paramId, String subject) {
        return """
                {
                  "name": "Placeholders",
                  "owner": {"type": "IDENTITY", "id": "%s"},
                  "definition": {
                    "start": "Call",
                    "steps": {
                      "Call": {
                        "actionId": "sp:http",
                        "attributes": {
                          "param_authenticationRef": "oauth",
                          "param_oauth": {"paramID": "%s", "paramType": "1.1"},
                          "subject": "%s"
                        },
                        "type": "action"
                      }
                    }
                  },
                  "trigger": {"type": "EXTERNAL", "attributes": {}}
                }
                """.formatted(ownerId, paramId, subject);
    }

    private DeployResult deploy(Map<String, String> properties, Map<String, String> environment) throws Exception {
        DeployOptions options = DeployOptions.defaults("acme.example", temp.resolve("out"))
                .withPlaceholderValues(properties, environment);
        return new Deployer(api, options, new RecordingLog()).deploy(load(workflows));
    }

    @Test
    void everyFormIsResolvedBeforeTheCreate() throws Exception {
        write(
                workflows,
                "p.json",
                workflow(
                        "${identity:jane.doe}",
                        "${parameter:ServiceNow OAuth}",
                        "${greeting} from ${env.TEAM}, dear ${displayName}, $${parameter:literal}"));

        deploy(Map.of("greeting", "Hello"), Map.of("TEAM", "IAM"));

        JsonObject body = parse(api.writes().get(0).body());
        assertEquals("i-1", body.getAsJsonObject("owner").get("id").getAsString());
        JsonObject attributes = body.getAsJsonObject("definition")
                .getAsJsonObject("steps")
                .getAsJsonObject("Call")
                .getAsJsonObject("attributes");
        assertEquals(
                "p-100",
                attributes.getAsJsonObject("param_oauth").get("paramID").getAsString());
        assertEquals(
                "Hello from IAM, dear ${displayName}, ${parameter:literal}",
                attributes.get("subject").getAsString());
    }

    @Test
    void unresolvedPlaceholdersFailThePlanWithFileAndPlace() throws Exception {
        write(workflows, "p.json", workflow("${identity:nobody}", "${parameter:ServiceNow}", "${env.MISSING_VAR}"));

        PlanException e = assertThrows(PlanException.class, () -> deploy(Map.of(), Map.of()));

        assertEquals(
                "The deploy plan has 3 problem(s):\n"
                        + "  p.json:3:33: error unresolved-placeholder placeholder ${identity:nobody}: no identity is"
                        + " named \"nobody\". Use the identity's name (its account name, not the display name) or"
                        + " its id. (in 'Placeholders' at /owner/id)\n"
                        + "  p.json:11:27: error unresolved-placeholder placeholder ${parameter:ServiceNow}: no"
                        + " Parameter Storage parameter is named \"ServiceNow\"; parameters with similar names:"
                        + " \"ServiceNow OAuth\", \"ServiceNow Basic\". Create the parameter on this tenant or"
                        + " correct the name. (in 'Placeholders' at"
                        + " /definition/steps/Call/attributes/param_oauth/paramID)\n"
                        + "  p.json:12:11: error unresolved-placeholder placeholder ${env.MISSING_VAR}: the environment"
                        + " variable MISSING_VAR is not set. Set it before the build, or write the value itself. (in"
                        + " 'Placeholders' at /definition/steps/Call/attributes/subject)\n"
                        + "Nothing was written to the tenant.",
                e.getMessage());
        assertEquals(List.of(), api.writes());
    }

    @Test
    void severalParametersWithTheNameAreAnError() throws Exception {
        write(workflows, "p.json", workflow("i-1", "${parameter:Twin}", "x"));

        PlanException e = assertThrows(PlanException.class, () -> deploy(Map.of(), Map.of()));

        assertEquals(
                "p.json:11:27: error unresolved-placeholder placeholder ${parameter:Twin}: 2 Parameter Storage"
                        + " parameters are named \"Twin\": ids p-301, p-302. Rename all but one on the tenant, or"
                        + " write the paramID itself. (in 'Placeholders' at"
                        + " /definition/steps/Call/attributes/param_oauth/paramID)",
                e.problems().get(0).format());
    }

    @Test
    void nameWithPlaceholderMatchesTheResolvedName() throws Exception {
        api.seed(parse(workflow("i-1", "p-100", "x").replace("\"Placeholders\"", "\"IAM Placeholders\"")));
        write(
                workflows,
                "p.json",
                workflow("i-1", "p-100", "x").replace("\"Placeholders\"", "\"${env.TEAM} Placeholders\""));

        DeployResult result = deploy(Map.of(), Map.of("TEAM", "IAM"));

        assertEquals("IAM Placeholders", result.plan().get(0).name());
        assertEquals(PlanAction.UNCHANGED, result.plan().get(0).action());
    }

    @Test
    void lookupsAreCachedAcrossWorkflows() throws Exception {
        for (int i = 0; i < 3; i++) {
            write(
                    workflows,
                    "p" + i + ".json",
                    workflow("${identity:jane.doe}", "${parameter:ServiceNow OAuth}", "x")
                            .replace("\"Placeholders\"", "\"Placeholders " + i + "\""));
        }

        deploy(Map.of(), Map.of());

        long parameterSearches = api.calls().stream()
                .filter(c -> c.path().startsWith("/parameter-storage"))
                .count();
        long identitySearches = api.calls().stream()
                .filter(c -> c.path().startsWith("/identities"))
                .count();
        assertEquals(1, parameterSearches);
        assertEquals(1, identitySearches);
    }
}
