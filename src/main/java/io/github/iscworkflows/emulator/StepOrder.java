package io.github.iscworkflows.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps a run visits, depth first from {@code start}: {@code nextStep}, every {@code choiceList}
 * target, then {@code defaultStep}. A loop's inner steps follow the loop step, named
 * {@code "Loop > Inner"} as in {@link CredentialObjects}. Each step appears once.
 */
final class StepOrder {

    private StepOrder() {}

    static List<String> of(JsonObject workflow) {
        JsonObject definition = Json.object(workflow, "definition");
        Set<String> visited = new LinkedHashSet<>();
        visit(Json.object(definition, "steps"), Json.string(definition, "start"), "", visited);
        return new ArrayList<>(visited);
    }

    private static void visit(JsonObject steps, String name, String prefix, Set<String> visited) {
        if (steps == null
                || name == null
                || !steps.has(name)
                || !steps.get(name).isJsonObject()) {
            return;
        }
        if (!visited.add(prefix + name)) {
            return;
        }
        JsonObject step = steps.getAsJsonObject(name);
        JsonObject attributes = Json.object(step, "attributes");
        JsonObject innerSteps = Json.object(attributes, "steps");
        if (innerSteps != null) {
            visit(innerSteps, Json.string(attributes, "start"), prefix + name + " > ", visited);
        }
        visit(steps, Json.string(step, "nextStep"), prefix, visited);
        JsonElement choices = step.get("choiceList");
        if (choices != null && choices.isJsonArray()) {
            for (JsonElement choice : choices.getAsJsonArray()) {
                if (choice.isJsonObject()) {
                    visit(steps, Json.string(choice.getAsJsonObject(), "nextStep"), prefix, visited);
                }
            }
        }
        visit(steps, Json.string(step, "defaultStep"), prefix, visited);
    }
}
