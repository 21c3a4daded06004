package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.iscworkflows.workflow.LoadResult;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.WorkflowLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the real workflow exports in the folder named by the system property {@code isc.corpus}:
 * files that ISC accepts must give no error, and the files that are really faulty give exactly the
 * errors listed here, each with the reason.
 */
class CorpusValidationTest {

    /** Errors of the faulty files; every other corpus file must give none. */
    private static final List<String> EXPECTED_ERRORS = List.of(
            // Typo in nextStep: the step is named "Read SaaS Custom Operation Result" (no "s").
            "fernando-delosrios-sp-sailpoint-utils/SaaS_Connectivity__saas-custom-operations__exportedObjects__SaaS_Custom_Operations.json:385:15: error step-target-unknown step 'Call SaaS Custom Operation' goes to 'Read SaaS Custom Operations Result', which is not a step of the definition; the run would stop there. Name an existing step (names are case-sensitive).",
            // Migrated export: param_authenticationRef "basic" with no param_basic object fails at run time.
            "fernando-delosrios-sp-sailpoint-utils/SaaS_Connectivity__saas-custom-operations__workflows__0785b8f4-ets-migrated.json:40:13: error credential-object-missing step 'Get Access Token' sets param_authenticationRef 'basic' but has no param_basic object, so the run fails looking up the credential. Add param_basic {\"mapping\", \"paramID\", \"paramType\"}, or set param_authenticationRef to \"none\".",
            // Migrated export: param_authenticationRef "basic" with no param_basic object fails at run time.
            "fernando-delosrios-sp-sailpoint-utils/SaaS_Connectivity__saas-custom-operations__workflows__38d42800-approval-migrated.json:49:13: error credential-object-missing step 'Get Access Token' sets param_authenticationRef 'basic' but has no param_basic object, so the run fails looking up the credential. Add param_basic {\"mapping\", \"paramID\", \"paramType\"}, or set param_authenticationRef to \"none\".",
            // Template text "{Client Secret of ...}" left in oAuthClientSecret.
            "sailpoint-oss-colab-workflows/workflows__reassign-object-owners__ReassignAccessProfiles.json:63:6: error credential-secret-literal oAuthClientSecret in step 'HTTP Request 2' holds instruction text in braces, left from a template (value not shown); a secret must not be stored in the file. Use null and store the secret in the UI or Parameter Storage, a vault reference $.secrets.<id>, or a placeholder such as ${env.NAME}.",
            // Template text "{Client Secret of ...}" left in oAuthClientSecret.
            "sailpoint-oss-colab-workflows/workflows__reassign-object-owners__ReassignEntitlements.json:63:6: error credential-secret-literal oAuthClientSecret in step 'HTTP Request 2' holds instruction text in braces, left from a template (value not shown); a secret must not be stored in the file. Use null and store the secret in the UI or Parameter Storage, a vault reference $.secrets.<id>, or a placeholder such as ${env.NAME}.",
            // Template text "{Client Secret of ...}" left in oAuthClientSecret.
            "sailpoint-oss-colab-workflows/workflows__reassign-object-owners__ReassignSources.json:62:6: error credential-secret-literal oAuthClientSecret in step 'HTTP Request 2' holds instruction text in braces, left from a template (value not shown); a secret must not be stored in the file. Use null and store the secret in the UI or Parameter Storage, a vault reference $.secrets.<id>, or a placeholder such as ${env.NAME}.");

    /**
     * Variable warnings. The doubled "$." is a mistake. "accountId" differs from the variable key
     * "accountID" only in case; every other reference in the exports matches its key exactly, so this
     * one is most likely a mistake too. Any other line here would be a false alarm of the step-key rule.
     */
    private static final List<String> EXPECTED_VARIABLE_WARNINGS = List.of(
            "olivier-detilleux-sp-isc-workflow-repository/Create_Contractor_With_Forms__Workflow-tenant-Create_New_Contractor-20251128-163552.json:286:11: warning variable-field-unknown step 'HTTP Request 3' refers to $.defineVariable2.accountId, but step 'Define Variable 2' defines no variable with the key 'accountId' (it defines: accountID). A variable's key is its name camel-cased like a step's ('API URL' -> aPIURL).",
            "sailpoint-oss-colab-workflows/workflows__fasttrack-identity-onboarding__FastTrackUserOnboarding.json:45:6: warning variable-step-unknown step 'Form' refers to $.$.trigger, which repeats \"$.\", so the value will be empty. Remove the extra \"$.\".");

    private static LoadResult loaded;

    @BeforeAll
    static void readCorpus() throws IOException {
        String folder = System.getProperty("isc.corpus");
        assumeTrue(
                folder != null && Files.isDirectory(Path.of(folder)),
                "corpus folder " + folder + " is absent (set -Disc.corpus=<folder>); skipping the corpus test");
        loaded = new WorkflowLoader(Path.of(folder)).load(List.of(), List.of());
    }

    // The corpus gathers several projects: one workflow appears both in an SP-Config bundle and as a
    // single export, which would be a real clash inside one project but not here.
    private static ValidationReport validateEachProjectAlone() {
        return new Validator(new ValidationOptions(Set.of(Validator.DUPLICATE_NAME), Set.of())).validate(loaded);
    }

    @Test
    void onlyFaultyFilesHaveErrors() {
        ValidationReport report = validateEachProjectAlone();

        List<String> errors = report.problems().stream()
                .filter(p -> p.severity() == Severity.ERROR)
                .map(Problem::format)
                .toList();
        assertEquals(EXPECTED_ERRORS, errors);
    }

    @Test
    void variableReferencesResolve() {
        ValidationReport report = validateEachProjectAlone();

        List<String> variableWarnings = report.problems().stream()
                .filter(p -> p.ruleId().startsWith("variable-"))
                .map(Problem::format)
                .toList();
        assertEquals(EXPECTED_VARIABLE_WARNINGS, variableWarnings);
    }

    @Test
    void everyWorkflowIsRead() {
        ValidationReport report = validateEachProjectAlone();

        assertEquals(45, report.files());
        assertEquals(40, report.workflows());
    }

    @Test
    void fileByFileMatchesLoadedValidation() throws IOException {
        ValidationReport loadedFirst = new Validator(ValidationOptions.defaults()).validate(loaded);

        ValidationReport fileByFile = new Validator(ValidationOptions.defaults())
                .validateFolder(Path.of(System.getProperty("isc.corpus")), List.of(), List.of());

        assertEquals(loadedFirst, fileByFile);
    }

    @Test
    void sameWorkflowInTwoFilesIsDuplicateName() {
        ValidationReport report = new Validator(ValidationOptions.defaults()).validate(loaded);

        List<String> duplicates = report.problems().stream()
                .filter(p -> p.ruleId().equals(Validator.DUPLICATE_NAME))
                .map(Problem::format)
                .toList();
        assertEquals(
                List.of(
                        "fernando-delosrios-sp-sailpoint-utils/SaaS_Connectivity__saas-custom-operations__workflows__SaaS_Custom_Operations.json:30:9: error duplicate-workflow-name workflow name 'SaaS Custom Operations Call' is also used at fernando-delosrios-sp-sailpoint-utils/SaaS_Connectivity__saas-custom-operations__exportedObjects__SaaS_Custom_Operations.json:347:9; deploy finds workflows by name, so one would overwrite the other. Rename one of them."),
                duplicates);
    }
}
