package io.github.iscworkflows.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.workflow.CredentialReference;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns tenant-specific ids of an exported workflow back into placeholders, and escapes text that deploy
 * would otherwise read as a placeholder.
 */
final class ExportPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([^{}]*)}");

    private final TenantLookups lookups;

    ExportPlaceholders(TenantLookups lookups) {
        this.lookups = lookups;
    }

    /**
     * Replaces {@code owner.id} with {@code ${identity:NAME}} and each credential {@code paramID} with
     * {@code ${parameter:NAME}}, but only where looking the name up finds exactly the same id again; other
     * ids stay as they are.
     */
    void apply(JsonObject workflow) throws IscException {
        JsonElement owner = workflow.get("owner");
        if (owner != null && owner.isJsonObject()) {
            JsonObject ownerObject = owner.getAsJsonObject();
            String id = io.github.iscworkflows.workflow.Steps.stringOf(ownerObject, "id");
            if (id != null) {
                String name = lookups.identityById(id).name();
                if (usable(name) && id.equals(lookups.identityByName(name).id())) {
                    ownerObject.addProperty("id", "${identity:" + name + "}");
                }
            }
        }
        for (CredentialReference credential : CredentialReference.findAll(workflow)) {
            String id = credential.paramId();
            if (id == null) {
                continue;
            }
            String name = lookups.parameterById(id).name();
            if (usable(name) && id.equals(lookups.parameterByName(name).id())) {
                credential.object().addProperty("paramID", "${parameter:" + name + "}");
            }
        }
    }

    private static boolean usable(String name) {
        return name != null && !name.isEmpty() && name.indexOf('{') < 0 && name.indexOf('}') < 0;
    }

    /**
     * Adds a {@code $} in front of every text that deploy would replace regardless of the build's
     * properties: {@code $${...}}, {@code ${parameter:...}}, {@code ${identity:...}} and {@code ${env....}}.
     */
    static void escapeLiterals(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (String key : List.copyOf(object.keySet())) {
                JsonElement value = object.get(key);
                if (isString(value)) {
                    object.add(key, new JsonPrimitive(escape(value.getAsString())));
                } else {
                    escapeLiterals(value);
                }
            }
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (isString(array.get(i))) {
                    array.set(i, new JsonPrimitive(escape(array.get(i).getAsString())));
                } else {
                    escapeLiterals(array.get(i));
                }
            }
        }
    }

    private static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    static String escape(String text) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            last = matcher.end();
            String whole = matcher.group();
            String expression = matcher.group(1);
            boolean alwaysReplaced = whole.startsWith("$$")
                    || expression.startsWith("parameter:")
                    || expression.startsWith("identity:")
                    || expression.startsWith("env.");
            out.append(alwaysReplaced ? "$" + whole : whole);
        }
        out.append(text, last, text.length());
        return out.toString();
    }
}
