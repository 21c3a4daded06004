package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.Placeholders;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.Steps;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that belong to one tenant and break when the file is deployed to another: the owner's identity
 * id, Parameter Storage ids and tenant API URLs. Each points to the deploy-time placeholders.
 */
public final class TenantValueRules implements WorkflowRule {

    public static final String OWNER_ID = "tenant-owner-id";
    public static final String PARAMETER_ID = "tenant-parameter-id";
    public static final String TENANT_URL = "tenant-url";

    /** An ISC tenant host such as acme.api.identitynow.com or acme.identitynow-demo.com. */
    private static final Pattern TENANT_HOST =
            Pattern.compile("https?://([A-Za-z0-9-]+(?:\\.api)?\\.identitynow(?:-demo)?\\.com)");

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        JsonObject workflow = checked.source().workflow();
        JsonElement owner = workflow.get("owner");
        if (owner != null && owner.isJsonObject()) {
            String id = Steps.stringOf(owner.getAsJsonObject(), "id");
            if (id != null && !id.isBlank() && !Placeholders.containsPlaceholder(id)) {
                findings.warn(
                        "/owner/id",
                        OWNER_ID,
                        "owner.id " + id + " is an identity id of one tenant; deploying to another tenant"
                                + " fails or sets the wrong owner. Use \"${identity:NAME}\" so deploy looks"
                                + " the owner up in the target tenant.");
            }
        }
        for (CredentialReference credential : checked.credentials()) {
            String id = credential.paramId();
            if (id != null && !Placeholders.containsPlaceholder(id)) {
                findings.warn(
                        credential.pointer() + "/paramID",
                        PARAMETER_ID,
                        credential.attribute() + ".paramID " + id + " in step '" + credential.stepPath() + "' is"
                                + " a Parameter Storage id of one tenant. Use \"${parameter:NAME}\" so deploy"
                                + " looks the parameter up in the target tenant.");
            }
        }
        for (Steps.Step step : checked.steps()) {
            JsonObject attributes = step.attributes();
            if (attributes != null) {
                HostFound found = findUrl(attributes, step.pointer() + "/attributes", step);
                if (found != null) {
                    findings.warn(
                            found.pointer(),
                            TENANT_URL,
                            "step '" + step.path() + "' calls tenant host " + found.host()
                                    + "; the file breaks when deployed to another tenant. Use a placeholder"
                                    + " such as \"${env.ISC_URL}\" or a define-variable step holding the URL.");
                }
            }
        }
    }

    /** A tenant host and the pointer of the value holding it. */
    private record HostFound(String pointer, String host) {}

    /** Finds the first tenant host in a step's attributes, or null. */
    private static HostFound findUrl(JsonElement value, String pointer, Steps.Step step) {
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
                // A loop's body steps are reported on their own.
                if (member.getKey().equals("steps") && Steps.LOOP_ACTION.equals(step.actionId())) {
                    continue;
                }
                HostFound found =
                        findUrl(member.getValue(), pointer + "/" + PositionedJson.escape(member.getKey()), step);
                if (found != null) {
                    return found;
                }
            }
        } else if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                HostFound found = findUrl(array.get(i), pointer + "/" + i, step);
                if (found != null) {
                    return found;
                }
            }
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String text = value.getAsString();
            if (text.contains("identitynow")) {
                Matcher matcher = TENANT_HOST.matcher(text);
                if (matcher.find()) {
                    return new HostFound(pointer, matcher.group(1));
                }
            }
        }
        return null;
    }
}
