package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.SecretFields;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks of credentials in steps: Parameter Storage objects ({@code param_*} with {@code paramID} and
 * {@code refID}), legacy inline secrets ({@code oAuthClientSecret}, {@code basicAuthPassword}), and
 * HTTP steps without any authentication setting. Secret values never appear in messages.
 */
public final class CredentialRules implements WorkflowRule {

    public static final String PARAM_ID_MISSING = "credential-param-id-missing";
    public static final String OBJECT_MISSING = "credential-object-missing";
    public static final String REF_ID_IN_SOURCE = "credential-ref-id-in-source";
    public static final String SECRET_EMPTY = "credential-secret-empty";
    public static final String SECRET_LITERAL = "credential-secret-literal";
    public static final String HTTP_AUTHENTICATION_MISSING = "http-authentication-missing";

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        for (CredentialReference credential : checked.credentials()) {
            checkParameterObject(credential, findings);
        }
        for (Steps.Step step : checked.steps()) {
            JsonObject attributes = step.attributes();
            if (attributes != null) {
                checkAuthenticationRef(step, attributes, findings);
                checkInlineSecrets(step, attributes, findings);
                checkHttpAuthentication(step, attributes, findings);
            }
        }
    }

    private static void checkParameterObject(CredentialReference credential, Findings findings) {
        if (credential.paramId() == null) {
            findings.error(
                    credential.pointer(),
                    PARAM_ID_MISSING,
                    credential.attribute() + " in step '" + credential.stepPath() + "' has no paramID, so ISC"
                            + " cannot find the credential at run time. Set \"paramID\" to the Parameter"
                            + " Storage parameter, for example \"${parameter:NAME}\".");
        }
        if (credential.refId() != null) {
            findings.warn(
                    credential.pointer() + "/refID",
                    REF_ID_IN_SOURCE,
                    credential.attribute() + " in step '" + credential.stepPath() + "' carries refID "
                            + credential.refId() + ", which belongs to one tenant's copy of this workflow;"
                            + " deploy does not send it and keeps the target's own. Remove \"refID\" from"
                            + " the file.");
        }
    }

    private static void checkAuthenticationRef(Steps.Step step, JsonObject attributes, Findings findings) {
        String kind = Steps.stringOf(attributes, "param_authenticationRef");
        if (kind == null || kind.isBlank() || kind.equals("none")) {
            return;
        }
        String objectKey = "param_" + kind;
        JsonElement object = attributes.get(objectKey);
        if (object == null || !object.isJsonObject()) {
            findings.error(
                    step.pointer() + "/attributes/param_authenticationRef",
                    OBJECT_MISSING,
                    "step '" + step.path() + "' sets param_authenticationRef '" + kind + "' but has no "
                            + objectKey + " object, so the run fails looking up the credential. Add " + objectKey
                            + " {\"mapping\", \"paramID\", \"paramType\"}, or set param_authenticationRef to"
                            + " \"none\".");
        }
    }

    private static void checkInlineSecrets(Steps.Step step, JsonObject attributes, Findings findings) {
        boolean usesParameters = attributes.has("param_authenticationRef");
        String authenticationType = Steps.stringOf(attributes, "authenticationType");
        List<String> empty = new ArrayList<>();
        String firstEmptyPointer = null;
        for (Map.Entry<String, JsonElement> entry : attributes.entrySet()) {
            if (!SecretFields.isInlineSecretField(entry.getKey())) {
                continue;
            }
            String pointer = step.pointer() + "/attributes/" + PositionedJson.escape(entry.getKey());
            JsonElement value = entry.getValue();
            if (value.isJsonNull() || isString(value) && value.getAsString().isEmpty()) {
                if (!usesParameters && appliesTo(entry.getKey(), authenticationType)) {
                    empty.add(entry.getKey());
                    firstEmptyPointer = firstEmptyPointer == null ? pointer : firstEmptyPointer;
                }
                continue;
            }
            if (isString(value) && SecretFields.isReference(value.getAsString())) {
                continue;
            }
            // Names matched only by the words secret or password may be flags or settings, not secrets.
            if (!SecretFields.INLINE_SECRET_FIELDS.contains(entry.getKey()) && !isString(value)) {
                continue;
            }
            findings.error(
                    pointer,
                    SECRET_LITERAL,
                    entry.getKey() + " in step '" + step.path() + "' holds " + describeSecret(value)
                            + " (value not shown); a secret must not be stored in the file. Use null and store"
                            + " the secret in the UI or Parameter Storage, a vault reference $.secrets.<id>,"
                            + " or a placeholder such as ${env.NAME}.");
        }
        if (!empty.isEmpty()) {
            findings.warn(
                    firstEmptyPointer,
                    SECRET_EMPTY,
                    "step '" + step.path() + "' uses inline credentials with no secret in "
                            + String.join(", ", empty) + " (exports drop secrets), so the step fails until"
                            + " someone enters it in the UI. Move the credential to Parameter Storage"
                            + " (param_authenticationRef with a param_* object).");
        }
    }

    private static void checkHttpAuthentication(Steps.Step step, JsonObject attributes, Findings findings) {
        if (!"sp:http".equals(step.actionId())) {
            return;
        }
        String type = Steps.stringOf(attributes, "authenticationType");
        if (attributes.has("param_authenticationRef") || type != null && !type.isBlank()) {
            return;
        }
        findings.warn(
                step.pointer() + "/attributes",
                HTTP_AUTHENTICATION_MISSING,
                "HTTP step '" + step.path() + "' sets neither authenticationType nor param_authenticationRef;"
                        + " ISC fails it at run time with \"missing authentication type\". Add"
                        + " \"param_authenticationRef\": \"none\" when the call needs no authentication.");
    }

    /** Whether an inline secret field belongs to the step's authenticationType (all do when it is unset). */
    private static boolean appliesTo(String field, String authenticationType) {
        if (authenticationType == null || authenticationType.isBlank()) {
            return true;
        }
        String type = authenticationType.toLowerCase(Locale.ROOT);
        String lowerField = field.toLowerCase(Locale.ROOT);
        if (type.equals("oauth")) {
            return lowerField.startsWith("oauth");
        }
        if (type.equals("basic")) {
            return lowerField.startsWith("basicauth");
        }
        return true;
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static String describeSecret(JsonElement value) {
        if (!isString(value)) {
            return "a " + (value.isJsonObject() ? "JSON object" : value.isJsonArray() ? "JSON array" : "literal value");
        }
        String text = value.getAsString().trim();
        if (text.startsWith("{") && text.endsWith("}")) {
            return "instruction text in braces, left from a template";
        }
        return "a literal secret";
    }
}
