package io.github.iscworkflows.references;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds legacy inline credentials with an empty secret and {@code $.secrets.*} references in a
 * workflow's steps. Both are warnings: neither can be confirmed through the public API.
 */
final class InlineCredentials {

    /** The secret attribute of each inline {@code authenticationType} (lower case), as real exports spell them. */
    private static final Map<String, String> SECRET_BY_TYPE =
            Map.of("oauth", "oAuthClientSecret", "basic", "basicAuthPassword");

    private static final String SECRET_PREFIX = "$.secrets.";

    private InlineCredentials() {}

    static List<Finding> findAll(JsonObject workflow) {
        List<Finding> findings = new ArrayList<>();
        for (Steps.Step step : Steps.all(workflow)) {
            JsonObject attributes = step.attributes();
            if (attributes == null) {
                continue;
            }
            checkInlineSecret(step, attributes, findings);
            for (var entry : attributes.entrySet()) {
                JsonElement value = entry.getValue();
                if (value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                        && value.getAsString().startsWith(SECRET_PREFIX)) {
                    findings.add(new Finding(
                            FindingKind.SECRET_NOT_VERIFIABLE,
                            step.path(),
                            entry.getKey(),
                            null,
                            null,
                            "uses the workflow secret " + value.getAsString() + ". Such secrets exist per tenant"
                                    + " and the public API offers no call to read them, so the plugin cannot verify"
                                    + " it.",
                            "check in the ISC UI that the secret exists on this tenant, or move the credential to"
                                    + " Parameter Storage."));
                }
            }
        }
        return findings;
    }

    private static void checkInlineSecret(Steps.Step step, JsonObject attributes, List<Finding> findings) {
        if (attributes.has("param_authenticationRef")) {
            return;
        }
        String type = Steps.stringOf(attributes, "authenticationType");
        if (type == null) {
            return;
        }
        String secretKey = SECRET_BY_TYPE.get(type.toLowerCase(Locale.ROOT));
        if (secretKey == null) {
            return;
        }
        JsonElement secret = attributes.get(secretKey);
        boolean empty = secret == null
                || secret.isJsonNull()
                || (secret.isJsonPrimitive() && secret.getAsString().isBlank());
        if (empty) {
            findings.add(new Finding(
                    FindingKind.EMPTY_INLINE_SECRET,
                    step.path(),
                    secretKey,
                    null,
                    null,
                    "inline " + type + " credential whose " + secretKey + " reads back "
                            + (secret == null || secret.isJsonNull() ? "null" : "empty")
                            + ". ISC may hide a stored secret this way, so the plugin cannot tell whether one is set.",
                    "if the step fails with 401, enter the secret in the ISC UI, or move the credential to Parameter"
                            + " Storage (param_authenticationRef)."));
        }
    }
}
