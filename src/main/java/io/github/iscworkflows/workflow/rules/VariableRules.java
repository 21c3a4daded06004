package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks of variables: {@code {{$.step.field}}} templates and JSONPath values that name a step which
 * does not exist or does not run before the referring step, and keys ending in {@code .$} whose value
 * is not a JSONPath. The step key rule is in {@link StepNames}.
 *
 * <p>Visible from a step: {@code $.trigger}, {@code $.secrets}, the step itself (a result selector
 * reads its own output), every step on some path from which it is reached, and inside a loop body
 * {@code $.loop} plus what the loop step sees.
 */
public final class VariableRules implements WorkflowRule {

    public static final String STEP_UNKNOWN = "variable-step-unknown";
    public static final String STEP_NOT_UPSTREAM = "variable-step-not-upstream";
    public static final String FIELD_UNKNOWN = "variable-field-unknown";
    public static final String JSONPATH_VALUE_INVALID = "jsonpath-value-invalid";

    private static final Set<String> GLOBAL_ROOTS = Set.of("trigger", "secrets");

    /** A step somewhere in the workflow, by key. */
    private record KeyedStep(StepContainer container, String name, JsonObject step) {}

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        List<StepContainer> containers = checked.containers();
        Map<String, List<KeyedStep>> byKey = new HashMap<>();
        for (StepContainer container : containers) {
            for (Map.Entry<String, JsonObject> entry : container.steps().entrySet()) {
                byKey.computeIfAbsent(StepNames.keyOf(entry.getKey()), k -> new ArrayList<>())
                        .add(new KeyedStep(container, entry.getKey(), entry.getValue()));
            }
        }
        for (StepContainer container : containers) {
            for (Map.Entry<String, JsonObject> entry : container.steps().entrySet()) {
                StepScope scope = new StepScope(container, entry.getKey(), byKey);
                walk(entry.getValue(), container.stepPointer(entry.getKey()), null, scope, findings);
            }
        }
    }

    /** What one step may refer to; the visible keys are computed on the first reference. */
    private static final class StepScope {
        final StepContainer container;
        final String name;
        final Map<String, List<KeyedStep>> byKey;
        Set<String> visible;

        StepScope(StepContainer container, String name, Map<String, List<KeyedStep>> byKey) {
            this.container = container;
            this.name = name;
            this.byKey = byKey;
        }

        /** Whether the step runs at all; an unreachable step already has its own warning. */
        boolean isReachable() {
            return container.start() == null
                    || !container.steps().containsKey(container.start())
                    || container.reachableFromStart().contains(name);
        }

        Set<String> visible() {
            if (visible == null) {
                visible = new HashSet<>();
                visible.add(StepNames.keyOf(name));
                StepContainer current = container;
                String step = name;
                while (current != null) {
                    for (String ancestor : current.ancestorsOf(step)) {
                        visible.add(StepNames.keyOf(ancestor));
                    }
                    if (current.isLoop()) {
                        visible.add("loop");
                    }
                    step = current.loopStep();
                    current = current.parent();
                }
            }
            return visible;
        }
    }

    private void walk(JsonElement value, String pointer, String key, StepScope scope, Findings findings) {
        if (value.isJsonObject()) {
            JsonObject object = value.getAsJsonObject();
            boolean loopAttributes = pointer.equals(scope.container.stepPointer(scope.name) + "/attributes")
                    && scope.container.loops().containsKey(scope.name);
            for (Map.Entry<String, JsonElement> member : object.entrySet()) {
                if (loopAttributes
                        && (member.getKey().equals("steps") || member.getKey().equals("start"))) {
                    continue;
                }
                String memberPointer = pointer + "/" + PositionedJson.escape(member.getKey());
                if (member.getKey().endsWith(".$")) {
                    checkJsonPathValue(member.getKey(), member.getValue(), memberPointer, scope, findings);
                }
                walk(member.getValue(), memberPointer, member.getKey(), scope, findings);
            }
        } else if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), pointer + "/" + i, key, scope, findings);
            }
        } else if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            // Form list options (inputForForm_array_*_label, _value...) hold paths relative to each item.
            if (key != null && key.startsWith("inputForForm_array_")) {
                return;
            }
            String text = value.getAsString();
            if (text.indexOf('$') < 0) {
                return;
            }
            VariableReference whole = VariableReference.ofPath(text);
            if (whole != null) {
                checkReference(whole, pointer, scope, findings);
            } else {
                for (VariableReference reference : VariableReference.inTemplates(text)) {
                    checkReference(reference, pointer, scope, findings);
                }
            }
        }
    }

    private static void checkJsonPathValue(
            String key, JsonElement value, String pointer, StepScope scope, Findings findings) {
        if (value.isJsonNull()) {
            return;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String text = value.getAsString();
            if (text.isEmpty() || text.trim().startsWith("$")) {
                return;
            }
            findings.error(
                    pointer,
                    JSONPATH_VALUE_INVALID,
                    "\"" + key + "\" in step '" + scope.name + "' holds '" + shorten(text) + "', which is not a"
                            + " JSONPath; a key ending in .$ must hold a path starting with $ (ISC saves such a"
                            + " workflow but refuses to enable it). Write a path such as $.trigger.x, or drop"
                            + " the .$ from the key to use the text or a {{...}} template.");
            return;
        }
        findings.error(
                pointer,
                JSONPATH_VALUE_INVALID,
                "\"" + key + "\" in step '" + scope.name + "' holds " + kindOf(value) + ", not a JSONPath string;"
                        + " a key ending in .$ must hold a path starting with $. Write a path, or drop the .$"
                        + " from the key for a literal value.");
    }

    private static void checkReference(
            VariableReference reference, String pointer, StepScope scope, Findings findings) {
        String root = reference.root();
        if (GLOBAL_ROOTS.contains(root)) {
            return;
        }
        if (root.equals("loop") && scope.visible().contains("loop")) {
            return;
        }
        List<KeyedStep> candidates = scope.byKey.get(root);
        if (root.startsWith("$")) {
            findings.warn(
                    pointer,
                    STEP_UNKNOWN,
                    "step '" + scope.name + "' refers to " + reference.text() + ", which repeats \"$.\", so the"
                            + " value will be empty. Remove the extra \"$.\".");
            return;
        }
        if (candidates == null) {
            findings.warn(
                    pointer,
                    STEP_UNKNOWN,
                    "step '" + scope.name + "' refers to " + reference.text() + ", but no step has the key '" + root
                            + "', so the value will be empty. A step's key is its name with each word"
                            + " capitalised, spaces removed and the first letter lower-cased ('Get Access"
                            + " Token' -> getAccessToken)." + keySuggestion(root, scope.byKey));
            return;
        }
        if (!scope.visible().contains(root) && scope.isReachable()) {
            KeyedStep target = candidates.get(0);
            findings.warn(
                    pointer,
                    STEP_NOT_UPSTREAM,
                    "step '" + scope.name + "' refers to " + reference.text() + " (step '" + target.name()
                            + "'), which does not run before it on any path, so the value will be empty."
                            + " Refer to a step that runs earlier, or reorder the steps.");
            return;
        }
        if (reference.field() != null && scope.visible().contains(root)) {
            checkVariableField(reference, candidates, pointer, scope, findings);
        }
    }

    /** For a define-variable step, checks that the field names one of its variables. */
    private static void checkVariableField(
            VariableReference reference,
            List<KeyedStep> candidates,
            String pointer,
            StepScope scope,
            Findings findings) {
        KeyedStep target = candidates.get(0);
        Set<String> variables = variableKeys(target.step());
        if (variables == null || variables.contains(reference.field())) {
            return;
        }
        findings.warn(
                pointer,
                FIELD_UNKNOWN,
                "step '" + scope.name + "' refers to " + reference.text() + ", but step '" + target.name()
                        + "' defines no variable with the key '" + reference.field() + "' (it defines: "
                        + String.join(", ", variables) + "). A variable's key is its name camel-cased like a"
                        + " step's ('API URL' -> aPIURL).");
    }

    /** Keys of the variables a Mutation step defines, or null when the step defines none. */
    private static Set<String> variableKeys(JsonObject step) {
        if (!"Mutation".equals(Steps.stringOf(step, "type"))) {
            return null;
        }
        JsonElement attributes = step.get("attributes");
        if (attributes == null || !attributes.isJsonObject()) {
            return null;
        }
        JsonElement variables = attributes.getAsJsonObject().get("variables");
        if (variables == null || !variables.isJsonArray()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (JsonElement variable : variables.getAsJsonArray()) {
            String name = variable.isJsonObject() ? Steps.stringOf(variable.getAsJsonObject(), "name") : null;
            if (name != null) {
                keys.add(StepNames.keyOf(name));
            }
        }
        return keys.isEmpty() ? null : keys;
    }

    private static String keySuggestion(String root, Map<String, List<KeyedStep>> byKey) {
        String folded = root.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<KeyedStep>> entry : byKey.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(folded)) {
                return " Did you mean $." + entry.getKey() + " (step '"
                        + entry.getValue().get(0).name() + "')?";
            }
        }
        return "";
    }

    private static String kindOf(JsonElement value) {
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        return value.getAsJsonPrimitive().isBoolean() ? "a boolean" : "a number";
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
