package io.github.iscworkflows.references;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.iscworkflows.support.LogText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code target/isc/deploy-report.json}, which the deploy goal writes with
 * {@code io.github.iscworkflows.deploy.DeployReport}, into the workflows it created, updated or found
 * unchanged.
 *
 * <p>Only {@code workflows[].name}, {@code id}, {@code file}, {@code action} and
 * {@code enabledInSource} are read; other fields are ignored, so newer reports stay readable.
 * Entries with action {@code failed} or {@code pruned} are left out with a warning.
 */
public final class DeployReportReader {

    /** Report actions whose workflows exist on the tenant in the deployed form. */
    private static final Set<String> DEPLOYED_ACTIONS = Set.of("created", "updated", "unchanged");

    /** Actions of entries whose deploy failed; selecting from such a report is an error. */
    private static final Set<String> FAILED_ACTIONS = Set.of("failed", "unresolved");

    private DeployReportReader() {}

    /** Reads the report at {@code path}; the file must exist. */
    public static Selection read(Path path) throws IOException, SelectionException {
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new SelectionException("The deploy report " + path + " is not valid JSON (" + e.getMessage()
                    + "). Delete it and run isc:deploy again, or name the workflows with <workflows>"
                    + " (-Disc.workflows=NAME,...).");
        }
        if (!root.isJsonObject()
                || !root.getAsJsonObject().has("workflows")
                || !root.getAsJsonObject().get("workflows").isJsonArray()) {
            throw new SelectionException("The deploy report " + path + " has no \"workflows\" array. Delete it and run"
                    + " isc:deploy again, or name the workflows with <workflows> (-Disc.workflows=NAME,...).");
        }
        List<SelectedWorkflow> workflows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int index = 0;
        for (JsonElement element : root.getAsJsonObject().getAsJsonArray("workflows")) {
            readEntry(element, index++, workflows, errors, warnings);
        }
        return new Selection("deploy report " + path, workflows, errors, warnings);
    }

    private static void readEntry(
            JsonElement element,
            int index,
            List<SelectedWorkflow> workflows,
            List<String> errors,
            List<String> warnings) {
        if (!element.isJsonObject()) {
            warnings.add("Deploy report entry " + index + " is not an object; it was left out.");
            return;
        }
        JsonObject entry = element.getAsJsonObject();
        String name = string(entry, "name");
        String id = string(entry, "id");
        String action = string(entry, "action");
        String label = name != null ? LogText.quote(name) : "entry " + index;
        String normalisedAction = action == null ? null : action.toLowerCase(Locale.ROOT);
        if (normalisedAction != null && FAILED_ACTIONS.contains(normalisedAction)) {
            // A gate that skipped these would pass a release whose deploy failed.
            errors.add("Workflow " + label + " did not deploy: the deploy report says '" + action + "', so its"
                    + " credential references cannot be confirmed. Fix the cause that isc:deploy reported and run"
                    + " it again, or name the workflows to check with <workflows> (-Disc.workflows=NAME,...).");
            return;
        }
        if (normalisedAction != null && !DEPLOYED_ACTIONS.contains(normalisedAction)) {
            warnings.add("Workflow " + label + " was left out: the deploy report says '" + action + "'.");
            return;
        }
        if (name == null || id == null) {
            warnings.add("Workflow " + label + " was left out: its deploy report entry has no "
                    + (name == null ? "name" : "id") + ".");
            return;
        }
        JsonElement enabled = entry.get("enabledInSource");
        Boolean enabledInSource = enabled != null
                        && enabled.isJsonPrimitive()
                        && enabled.getAsJsonPrimitive().isBoolean()
                ? enabled.getAsBoolean()
                : null;
        workflows.add(new SelectedWorkflow(name, id, string(entry, "file"), enabledInSource));
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            return null;
        }
        String text = value.getAsString();
        return text.isBlank() ? null : text;
    }
}
