package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.WorkflowFiles;
import io.github.iscworkflows.workflow.WorkflowLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per rule under {@code src/test/resources/validate/<rule-id>}: the files there break that
 * rule, and the test asserts the exact lines the rule reports.
 */
class RuleFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/validate");

    /** Rules about symbolic links, whose fixtures WorkflowFilesTest makes at run time. */
    private static final Set<String> LINK_RULES =
            Set.of(WorkflowFiles.RULE_SYMLINK_BROKEN, WorkflowFiles.RULE_SYMLINK_LOOP);

    static ValidationReport validate(Path folder, ValidationOptions options) throws IOException {
        LoadResult loaded = new WorkflowLoader(folder).load(List.of(), List.of());
        return new Validator(options).validate(loaded);
    }

    private static List<String> linesOf(ValidationReport report, String ruleId) {
        return report.problems().stream()
                .filter(p -> p.ruleId().equals(ruleId))
                .map(Problem::format)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void ruleReportsExactLines(String ruleId, List<String> expected) throws IOException {
        ValidationReport report = validate(FIXTURES.resolve(ruleId), ValidationOptions.defaults());

        assertEquals(expected, linesOf(report, ruleId));
    }

    @Test
    void everyRuleHasFixture() throws IOException {
        List<String> withFixture = fixtures().map(a -> (String) a.get()[0]).toList();

        assertEquals(
                Validator.RULE_IDS.stream()
                        .filter(id -> !LINK_RULES.contains(id))
                        .sorted()
                        .toList(),
                withFixture);
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            assertEquals(
                    Stream.concat(withFixture.stream(), Stream.of("clean"))
                            .sorted()
                            .toList(),
                    folders.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void cleanWorkflowsHaveNoProblems() throws IOException {
        ValidationReport report = validate(FIXTURES.resolve("clean"), ValidationOptions.defaults());

        assertEquals(List.of(), report.problems().stream().map(Problem::format).toList());
        assertEquals(3, report.workflows());
    }

    @Test
    void skippedRuleReportsNothing() throws IOException {
        ValidationOptions options = new ValidationOptions(Set.of("step-cycle", "json-syntax"), Set.of());

        assertEquals(List.of(), linesOf(validate(FIXTURES.resolve("step-cycle"), options), "step-cycle"));
        assertEquals(List.of(), linesOf(validate(FIXTURES.resolve("json-syntax"), options), "json-syntax"));
    }

    @Test
    void knownActionsSilenceActionUnknown() throws IOException {
        ValidationOptions options = new ValidationOptions(Set.of(), Set.of("sp:send-mail"));

        assertEquals(List.of(), linesOf(validate(FIXTURES.resolve("action-unknown"), options), "action-unknown"));
    }

    @Test
    void reportCountsFilesWorkflowsAndSeverities() throws IOException {
        ValidationReport report = validate(FIXTURES.resolve("step-target-unknown"), ValidationOptions.defaults());

        assertEquals(2, report.files());
        assertEquals(2, report.workflows());
        assertEquals(2, report.errors());
        assertEquals(3, report.warnings());
        assertEquals("2 files, 2 workflows: 2 errors, 3 warnings", report.summary());
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                arguments(
                        "action-unknown",
                        List.of(
                                "typo.json:17:9: warning action-unknown step 'Send Email' uses action 'sp:send-mail', which is not in the known catalogue; check the spelling, or add it to <knownActions> if ISC offers it.")),
                arguments(
                        "byte-order-mark",
                        List.of(
                                "bom.json:1:1: warning byte-order-mark the file starts with a UTF-8 byte order mark, which JSON (RFC 8259) does not allow and some tools reject. Re-save the file as UTF-8 without BOM.")),
                arguments(
                        "credential-object-missing",
                        List.of(
                                "basic-without-object.json:35:11: error credential-object-missing step 'HTTP Request' sets param_authenticationRef 'basic' but has no param_basic object, so the run fails looking up the credential. Add param_basic {\"mapping\", \"paramID\", \"paramType\"}, or set param_authenticationRef to \"none\".")),
                arguments(
                        "credential-param-id-missing",
                        List.of(
                                "no-param-id.json:36:11: error credential-param-id-missing param_oauth in step 'HTTP Request' has no paramID, so ISC cannot find the credential at run time. Set \"paramID\" to the Parameter Storage parameter, for example \"${parameter:NAME}\".")),
                arguments(
                        "credential-ref-id-in-source",
                        List.of(
                                "ref-id.json:44:13: warning credential-ref-id-in-source param_oauth in step 'HTTP Request' carries refID e2269635-a7ac-41fa-a5e1-1727a374a22a, which belongs to one tenant's copy of this workflow; deploy does not send it and keeps the target's own. Remove \"refID\" from the file.")),
                arguments(
                        "credential-secret-empty",
                        List.of(
                                "null-secret.json:37:11: warning credential-secret-empty step 'HTTP Request' uses inline credentials with no secret in oAuthClientSecret (exports drop secrets), so the step fails until someone enters it in the UI. Move the credential to Parameter Storage (param_authenticationRef with a param_* object).")),
                arguments(
                        "credential-secret-literal",
                        List.of(
                                "instruction-text.json:37:11: error credential-secret-literal oAuthClientSecret in step 'HTTP Request' holds instruction text in braces, left from a template (value not shown); a secret must not be stored in the file. Use null and store the secret in the UI or Parameter Storage, a vault reference $.secrets.<id>, or a placeholder such as ${env.NAME}.")),
                arguments(
                        "cron-invalid",
                        List.of(
                                "hour-25.json:35:7: error cron-invalid cronString '0 25 * * 1' has hour 25, outside 0-23. Write minute hour day-of-month month day-of-week, for example \"0 9 * * 1\".")),
                arguments(
                        "definition-missing",
                        List.of(
                                "no-definition.json:1:1: error definition-missing the workflow has no \"definition\"; without {\"start\", \"steps\"} there is nothing to run. Export the workflow again or add the definition.")),
                arguments(
                        "duplicate-key",
                        List.of(
                                "twice.json:4:3: error duplicate-key duplicate key \"name\" (first at line 2); only one value can be kept and ISC does not promise which. Remove one of them.")),
                arguments(
                        "duplicate-workflow-name",
                        List.of(
                                "b.json:2:3: error duplicate-workflow-name workflow name 'Fixture' is also used at a.json:2:3; deploy finds workflows by name, so one would overwrite the other. Rename one of them.")),
                arguments(
                        "enabled-in-source",
                        List.of(
                                "enabled.json:38:3: info enabled-in-source \"enabled\": true is not sent on create (ISC creates workflows disabled); isc:enable enables the workflow after deploy.")),
                arguments(
                        "file-empty",
                        List.of(
                                "empty.json:1:1: error file-empty the file is empty; expected a workflow JSON object. Delete the file or add a workflow.")),
                arguments(
                        "file-encoding",
                        List.of(
                                "latin1.json:1:1: error file-encoding the file is not valid UTF-8; ISC reads workflow JSON as UTF-8. Re-save the file as UTF-8.")),
                arguments(
                        "http-authentication-missing",
                        List.of(
                                "no-authentication.json:32:9: warning http-authentication-missing HTTP step 'HTTP Request' sets neither authenticationType nor param_authenticationRef; ISC fails it at run time with \"missing authentication type\". Add \"param_authenticationRef\": \"none\" when the call needs no authentication.")),
                arguments(
                        "json-syntax",
                        List.of(
                                "broken.json:5:3: error json-syntax invalid JSON: expected a member name in double quotes but found '}'.")),
                arguments(
                        "jsonpath-value-invalid",
                        List.of(
                                "template.json:21:11: error jsonpath-value-invalid \"subject.$\" in step 'Send Email' holds 'Welcome {{$.getIdentity.name}}', which is not a JSONPath; a key ending in .$ must hold a path starting with $ (ISC saves such a workflow but refuses to enable it). Write a path such as $.trigger.x, or drop the .$ from the key to use the text or a {{...}} template.")),
                arguments(
                        "name-invalid",
                        List.of(
                                "newline.json:2:3: error name-invalid workflow name 'Welcome\\nNew Hire' contains U+000A at index 7, a control or line-break character; a name is one line of text, and a newline splits every log line that shows it. Remove the character.")),
                arguments(
                        "name-missing",
                        List.of(
                                "nameless.json:1:1: error name-missing the workflow has no \"name\"; ISC requires one and deploy finds workflows by name. Add \"name\": \"<unique name>\".")),
                arguments(
                        "name-whitespace",
                        List.of(
                                "trailing-space.json:2:3: warning name-whitespace workflow name 'Welcome New Hire ' starts or ends with whitespace; ISC keeps it, so <workflows> (-Disc.workflows) and the UI search must include it too. Remove the leading and trailing whitespace.")),
                arguments(
                        "not-a-workflow",
                        List.of(
                                "form.json:1:1: info not-a-workflow skipped FORM_DEFINITION 'Onboarding Form': not a workflow.")),
                arguments(
                        "start-missing",
                        List.of(
                                "no-start.json:4:3: error start-missing the definition has no \"start\"; ISC does not know which step runs first. Add \"start\" naming the first step.")),
                arguments(
                        "start-unknown",
                        List.of(
                                "wrong-case.json:5:5: error start-unknown start 'get identity' is not a step of the definition; step names are case-sensitive. Did you mean 'Get Identity'?")),
                arguments(
                        "step-cycle",
                        List.of(
                                "retry.json:23:9: error step-cycle step 'Send Email' goes back to 'Get Identity', closing the cycle Get Identity -> Check -> Send Email -> Get Identity in the definition; ISC workflows run forward only. Repeat work with a loop step (sp:loop:iterator) instead.")),
                arguments(
                        "step-invalid",
                        List.of(
                                "string-step.json:30:7: error step-invalid step 'Note' is not an object; expected {\"type\": ..., ...}.")),
                arguments(
                        "step-next-missing",
                        List.of(
                                "dead-end.json:16:7: error step-next-missing step 'Send Email' (type action) has no \"nextStep\"; only success and failure steps may end a path. Add \"nextStep\", or end the path with a success step.")),
                arguments(
                        "step-target-unknown",
                        List.of(
                                "loop-body.json:53:15: error step-target-unknown step 'Notify Owner' goes to 'End Step - Success', which is not a step of the body of loop step 'Loop'; the run would stop there. Name an existing step (names are case-sensitive).",
                                "typo.json:12:9: error step-target-unknown step 'Get Identity' goes to 'Send Mail', which is not a step of the definition; the run would stop there. Name an existing step (names are case-sensitive).")),
                arguments(
                        "step-type-missing",
                        List.of(
                                "no-type.json:16:7: error step-type-missing step 'Send Email' has no \"type\"; set it to action, choice, Mutation, success or failure.")),
                arguments(
                        "step-type-unknown",
                        List.of(
                                "capital.json:24:9: warning step-type-unknown step 'Send Email' has type 'Action', not one of action, choice, Mutation, success, failure; ISC may reject it. Check the spelling (case-sensitive).")),
                arguments(
                        "step-unreachable",
                        List.of(
                                "orphan.json:30:7: warning step-unreachable step 'Send Reminder' is not reachable from start 'Get Identity' in the definition; it never runs. Point a nextStep, choiceList or defaultStep at it, or delete it.")),
                arguments(
                        "steps-empty",
                        List.of(
                                "no-steps.json:5:5: error steps-empty the definition has no steps; the workflow does nothing. Add \"steps\" with at least one step.")),
                arguments(
                        "tenant-owner-id",
                        List.of(
                                "owner.json:40:5: warning tenant-owner-id owner.id 2c91808568c529c60168cca6f90c1313 is an identity id of one tenant; deploying to another tenant fails or sets the wrong owner. Use \"${identity:NAME}\" so deploy looks the owner up in the target tenant.")),
                arguments(
                        "tenant-parameter-id",
                        List.of(
                                "param-id.json:43:13: warning tenant-parameter-id param_oauth.paramID b27031c0-cdbf-41f6-af60-f9a39eb495be in step 'HTTP Request' is a Parameter Storage id of one tenant. Use \"${parameter:NAME}\" so deploy looks the parameter up in the target tenant.")),
                arguments(
                        "tenant-url",
                        List.of(
                                "acme.json:34:11: warning tenant-url step 'HTTP Request' calls tenant host acme.api.identitynow.com; the file breaks when deployed to another tenant. Use a placeholder such as \"${env.ISC_URL}\" or a define-variable step holding the URL.")),
                arguments(
                        "time-zone-unknown",
                        List.of(
                                "typo.json:37:7: error time-zone-unknown timeZone 'Europe/Pariss' is not a known time zone id. Use an IANA id such as \"Europe/Paris\" or \"America/Chicago\".")),
                arguments(
                        "top-level-not-object",
                        List.of(
                                "string.json:1:1: error top-level-not-object the top-level value is a string; expected a workflow object, a wrapper {version, object} or an SP-Config export {version, objects}.")),
                arguments(
                        "trigger-attribute-missing",
                        List.of(
                                "event-without-id.json:34:5: error trigger-attribute-missing the EVENT trigger has no attributes.id; ISC needs the event trigger id (for example idn:identity-attributes-changed). Add \"id\" under trigger.attributes.")),
                arguments(
                        "trigger-frequency-invalid",
                        List.of(
                                "hourly.json:35:7: error trigger-frequency-invalid frequency 'hourly' is not one of daily, weekly, monthly, yearly, cronSchedule. Use one of those (case-sensitive).")),
                arguments(
                        "trigger-missing",
                        List.of(
                                "no-trigger.json:1:1: error trigger-missing the workflow has no \"trigger\"; ISC cannot start it. Add a trigger such as {\"type\": \"EXTERNAL\", \"attributes\": {}}.")),
                arguments(
                        "trigger-type-unknown",
                        List.of(
                                "manual.json:33:5: warning trigger-type-unknown trigger type 'MANUAL' is not one of EVENT, EXTERNAL, SCHEDULED, AccessRequestTrigger; ISC may reject it. Check the spelling (types are case-sensitive).")),
                arguments(
                        "unknown-shape",
                        List.of(
                                "settings.json:1:1: error unknown-shape this object is not a workflow (no \"name\", \"definition\" or \"trigger\"), nor a wrapper {version, object} or an SP-Config export {version, objects}. Export the workflow again or move the file out of the workflows folder.")),
                arguments(
                        "variable-field-unknown",
                        List.of(
                                "case.json:21:11: warning variable-field-unknown step 'Send Email' refers to $.configuration.supportteam, but step 'Configuration' defines no variable with the key 'supportteam' (it defines: supportTeam). A variable's key is its name camel-cased like a step's ('API URL' -> aPIURL).")),
                arguments(
                        "variable-step-not-upstream",
                        List.of(
                                "after-loop.json:70:11: warning variable-step-not-upstream step 'Report' refers to"
                                        + " $.getRoleOwner.id (step 'Get Role Owner'), which is inside the body of loop"
                                        + " step 'Loop' and not visible outside it, so the value will be empty. Move the"
                                        + " reference into the loop body.",
                                "later-step.json:10:11: warning variable-step-not-upstream step 'Get Identity' refers to $.sendEmail.id (step 'Send Email'), which does not run before it on any path, so the value will be empty. Refer to a step that runs earlier, or reorder the steps.")),
                arguments(
                        "variable-step-unknown",
                        List.of(
                                "typo.json:19:11: warning variable-step-unknown step 'Send Email' refers to $.getIdentiy.attributes, but no step has the key 'getIdentiy', so the value will be empty. A step's key is its name with each word capitalised, spaces removed and the first letter lower-cased ('Get Access Token' -> getAccessToken).")));
    }
}
