package io.github.iscworkflows.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretFieldsTest {

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }

    @ParameterizedTest(name = "{0} = {1} is a literal secret")
    @CsvSource(
            delimiter = '|',
            value = {
                "oAuthClientSecret | \"hunter2\"",
                "basicAuthPassword | \"{Client Secret of this workflow}\"",
                "apiKey            | 12345",
                "client_secret     | \"xxx\"",
                "password          | \"xxx\"",
                "token             | \"eyJhbGciOi\"",
                "Authorization     | \"Bearer abc.def\"",
                "X-Api-Key         | \"k-1\"",
                "privateFields     | {\"password\": \"p\"}"
            })
    void literalValuesOfSecretKeysAreSecrets(String key, String value) {
        assertTrue(SecretFields.isLiteralSecret(key, json(value)));
    }

    @ParameterizedTest(name = "{0} = {1} is not a literal secret")
    @CsvSource(
            delimiter = '|',
            value = {
                "oAuthClientSecret | null",
                "oAuthClientSecret | \"\"",
                "oAuthClientSecret | \"$.secrets.1f2e3d4c\"",
                "oAuthClientSecret | \"${env.CLIENT_SECRET}\"",
                "basicAuthPassword | \"$.getToken.body.password\"",
                "secret            | \"{{$.trigger._metadata.secret}}\"",
                "Authorization     | \"Bearer {{$.getAccessToken.body.access_token}}\"",
                "Authorization     | \"Bearer ${env.TOKEN}\"",
                "passwordPolicies  | [\"p1\"]",
                "oAuthTokenUrl     | \"https://example.com/token\"",
                "password.$        | \"$.form.password\"",
                "grant_type        | \"password\""
            })
    void nullEmptyReferencesAndOtherKeysAreNotSecrets(String key, String value) {
        assertFalse(SecretFields.isLiteralSecret(key, json(value)));
    }

    @Test
    void credentialObjectMappingsAreLeftAlone() {
        JsonObject attributes = json("{\"param_oauth\": {\"mapping\": {\"auth_client_secret\": \"clientSecret\"},"
                        + " \"paramID\": \"p-1\"}, \"oAuthClientSecret\": \"hunter2\"}")
                .getAsJsonObject();

        JsonObject masked = SecretMasking.masked(attributes);

        assertEquals(
                "{\"param_oauth\":{\"mapping\":{\"auth_client_secret\":\"clientSecret\"},\"paramID\":\"p-1\"},"
                        + "\"oAuthClientSecret\":\"****\"}",
                masked.toString());
        assertEquals(Set.of("hunter2"), SecretMasking.literalValues(attributes));
    }
}
