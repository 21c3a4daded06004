package io.github.iscworkflows.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.Steps;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns tenant-specific ids of an exported workflow back into placeholders, and escapes text that deploy
 * would otherwise read as a placeholder.
 */
final class ExportPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([^{}]*)}");

    /** A lookup by name on the tenant. */
    private interface ByName {
        TenantLookups.Lookup find(String name) throws IscException;
    }

    private final TenantLookups lookups;
    private final BuildLog log;

    ExportPlaceholders(TenantLookups lookups, BuildLog log) {
        this.lookups = lookups;
        this.log = log;
    }

    /**
     * Replaces {@code owner.id} with {@code ${identity:NAME}} and each credential {@code paramID} with
     * {@code ${parameter:NAME}}, but only where looking the name up finds exactly the same id again. Every
     * id that stays is logged with its workflow, its place and the reason.
     */
    void apply(JsonObject workflow) throws IscException {
        String workflowName = Steps.stringOf(workflow, "name");
        JsonElement owner = workflow.get("owner");
        if (owner != null && owner.isJsonObject()) {
            JsonObject ownerObject = owner.getAsJsonObject();
            String id = Steps.stringOf(ownerObject, "id");
            if (id != null) {
                TenantLookups.Lookup byId = lookups.identityById(id);
                String reason = byId.match() == null
                        ? byId.error()
                        : unusableReason(byId.name(), id, lookups::identityByName, "identity");
                if (reason == null) {
                    ownerObject.addProperty("id", "${identity:" + byId.name() + "}");
                } else {
                    keep(workflowName, "owner.id", id, reason);
                }
            }
        }
        for (CredentialReference credential : CredentialReference.findAll(workflow)) {
            String id = credential.paramId();
            if (id == null) {
                continue;
            }
            TenantLookups.Lookup byId = lookups.parameterById(id);
            String reason = byId.match() == null
                    ? byId.error()
                    : unusableReason(byId.name(), id, lookups::parameterByName, "parameter");
            if (reason == null) {
                credential.object().addProperty("paramID", "${parameter:" + byId.name() + "}");
            } else {
                keep(
                        workflowName,
                        "step '" + credential.stepPath() + "' " + credential.attribute() + ".paramID",
                        id,
                        reason);
            }
        }
    }

    private void keep(String workflowName, String field, String id, String reason) {
        log.info("Kept the id " + id + " in '" + workflowName + "' " + field + " instead of a placeholder: " + reason
                + ".");
    }

    /** Why {@code name} cannot stand for {@code id} in a placeholder, or null when it can. */
    private static String unusableReason(String name, String id, ByName lookup, String kind) throws IscException {
        if (name == null || name.isEmpty()) {
            return "the " + kind + " has no name";
        }
        if (name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
            return "the " + kind + " name \"" + name + "\" contains a brace, which a placeholder cannot hold";
        }
        TenantLookups.Lookup byName = lookup.find(name);
        if (!id.equals(byName.id())) {
            String error = byName.error() == null ? "the name \"" + name + "\" finds " + byName.id() : byName.error();
            return "looking the " + kind + " up by name would not find it again: " + stripPeriod(error);
        }
        return null;
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
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
