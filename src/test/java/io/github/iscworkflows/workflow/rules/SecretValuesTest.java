package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.WorkflowLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which values of a secret field count as references and which as a secret stored in the file. */
class SecretValuesTest {

    @TempDir
    Path folder;

    private List<String> secretLiteralLines(String field, String jsonValue) throws IOException {
        String workflow = """
                {
                  "name": "Secret",
                  "definition": {
                    "start": "Call",
                    "steps": {
                      "Call": {
                        "actionId": "sp:http",
                        "attributes": {"authenticationType": "OAuth", "%s": %s},
                        "nextStep": "End",
                        "type": "action"
                      },
                      "End": {"type": "success"}
                    }
                  },
                  "trigger": {"type": "EXTERNAL", "attributes": {}}
                }
                """.formatted(field, jsonValue);
        Files.writeString(folder.resolve("secret.json"), workflow);
        ValidationReport report = new Validator(ValidationOptions.defaults())
                .validate(new WorkflowLoader(folder).load(List.of(), List.of()));
        return report.problems().stream()
                .filter(p -> p.ruleId().equals(CredentialRules.SECRET_LITERAL))
                .map(Problem::format)
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "oAuthClientSecret|null",
                "oAuthClientSecret|\"\"",
                "oAuthClientSecret|\"$.secrets.dd3a3a87-281d-4feb-897a-10ac94aa1f27\"",
                "oAuthClientSecret|\"${env.CLIENT_SECRET}\"",
                "bearerToken|\"{{$.getAccessToken.body.access_token}}\"",
                "bearerToken|\"$.getAccessToken.body.access_token\"",
                "resetPassword|true",
                "password.$|\"$.trigger.password\""
            })
    void referenceIsAccepted(String field, String jsonValue) throws IOException {
        assertEquals(List.of(), secretLiteralLines(field, jsonValue));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "oAuthClientSecret|\"s3cr3t-value\"|a literal secret",
                "basicAuthPassword|\"{Password of the service account}\"|instruction text in braces, left from a template",
                "apiKey|12345|a literal value",
                "clientSecretValue|\"Bearer {{$.x}} plus text\"|a literal secret"
            })
    void literalIsErrorWithoutValue(String field, String jsonValue, String described) throws IOException {
        assertEquals(
                List.of("secret.json:8:55: error credential-secret-literal " + field + " in step 'Call' holds "
                        + described + " (value not shown); a secret must not be stored in the file. Use null and"
                        + " store the secret in the UI or Parameter Storage, a vault reference $.secrets.<id>, or a"
                        + " placeholder such as ${env.NAME}."),
                secretLiteralLines(field, jsonValue));
    }
}
