package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code $.loop} plus whatever the loop step itself may refer to.
 */
public final class VariableRules implements WorkflowRule {

    public static final String STEP_UNKNOWN = "variable-step-unknown";
    public static final String STEP_NOT_UPSTREAM = "variable-step-not-upstream";
    public static final String FIELD_UNKNOWN = "variable-field-unknown";
    public static final String JSONPATH_VALUE_INVALID = "jsonpath-value-invalid";

    private static final Set<String> GLOBAL_ROOTS = Set.of("trigger", "secrets");

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        List<StepContainer> containers = checked.containers();
        Map<String, List<StepScope.KeyedStep>> byKey = new HashMap<>();
        for (StepContainer container : containers) {
            for (Map.Entry<String, JsonObject> entry : container.steps().entrySet()) {
                byKey.computeIfAbsent(StepNames.keyOf(entry.getKey()), k -> new ArrayList<>())
                        .add(new StepScope.KeyedStep(container, entry.getKey(), entry.getValue()));
            }
        }
        for (StepContainer container : containers) {
            for (Map.Entry<String, JsonObject> entry : container.steps().entrySet()) {
                StepScope scope = new StepScope(container, entry.getKey(), byKey);
                walk(entry.getValue(), new ArrayList<>(), null, scope, findings);
            }
        }
    }

    private void walk(JsonElement value, List<String> path, String key, StepScope scope, Findings findings) {
        if (value.isJsonObject()) {
            boolean loopAttributes = path.size() == 1
                    && path.get(0).equals("attributes")
                    && scope.container.loops().containsKey(scope.name);
            for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
                String memberKey = member.getKey();
                if (loopAttributes && (memberKey.equals("steps") || memberKey.equals("start"))) {
                    continue;
                }
                path.add(memberKey);
                if (memberKey.endsWith(".$")) {
                    checkJsonPathValue(memberKey, member.getValue(), path, scope, findings);
                }
                walk(member.getValue(), path, memberKey, scope, findings);
                path.remove(path.size() - 1);
            }
        } else if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                path.add(Integer.toString(i));
                walk(array.get(i), path, key, scope, findings);
                path.remove(path.size() - 1);
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
                checkReference(whole, path, scope, findings);
            } else {
                for (VariableReference reference : VariableReference.inTemplates(text)) {
                    checkReference(reference, path, scope, findings);
                }
            }
        }
    }

    private static void checkJsonPathValue(
            String key, JsonElement value, List<String> path, StepScope scope, Findings findings) {
        if (value.isJsonNull()) {
            return;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String text = value.getAsString();
            if (text.isEmpty() || text.trim().startsWith("$")) {
                return;
            }
            findings.error(
                    scope.pointerOf(path),
                    JSONPATH_VALUE_INVALID,
                    "\"" + key + "\" in step '" + scope.name + "' holds '" + shorten(text) + "', which is not a"
                            + " JSONPath; a key ending in .$ must hold a path starting with $ (ISC saves such a"
                            + " workflow but refuses to enable it). Write a path such as $.trigger.x, or drop"
                            + " the .$ from the key to use the text or a {{...}} template.");
            return;
        }
        findings.error(
                scope.pointerOf(path),
                JSONPATH_VALUE_INVALID,
                "\"" + key + "\" in step '" + scope.name + "' holds " + kindOf(value) + ", not a JSONPath string;"
                        + " a key ending in .$ must hold a path starting with $. Write a path, or drop the .$"
                        + " from the key for a literal value.");
    }

    private static void checkReference(
            VariableReference reference, List<String> path, StepScope scope, Findings findings) {
        String root = reference.root();
        if (GLOBAL_ROOTS.contains(root) || root.equals("loop") && scope.isInLoop()) {
            return;
        }
        if (root.startsWith("$")) {
            findings.warn(
                    scope.pointerOf(path),
                    STEP_UNKNOWN,
                    "step '" + scope.name + "' refers to " + reference.text() + ", which repeats \"$.\", so the"
                            + " value will be empty. Remove the extra \"$.\".");
            return;
        }
        List<StepScope.KeyedStep> candidates = scope.byKey.get(root);
        if (candidates == null) {
            findings.warn(
                    scope.pointerOf(path),
                    STEP_UNKNOWN,
                    "step '" + scope.name + "' refers to " + reference.text() + ", but no step has the key '" + root
                            + "', so the value will be empty. A step's key is its name with each word"
                            + " capitalised, spaces removed and the first letter lower-cased ('Get Access"
                            + " Token' -> getAccessToken)." + keySuggestion(root, scope.byKey));
            return;
        }
        if (!scope.sees(candidates)) {
            StepScope.KeyedStep inLoop = scope.insideOtherLoop(candidates);
            if (inLoop != null) {
                findings.warn(
                        scope.pointerOf(path),
                        STEP_NOT_UPSTREAM,
                        "step '" + scope.name + "' refers to " + reference.text() + " (step '" + inLoop.name()
                                + "'), which is inside the body of loop step '"
                                + inLoop.container().loopStep()
                                + "' and not visible outside it, so the value will be empty. Move the"
                                + " reference into the loop body.");
            } else if (scope.isReachable() && scope.hasKnownStart()) {
                findings.warn(
                        scope.pointerOf(path),
                        STEP_NOT_UPSTREAM,
                        "step '" + scope.name + "' refers to " + reference.text() + " (step '"
                                + candidates.get(0).name() + "'), which does not run before it on any path, so"
                                + " the value will be empty. Refer to a step that runs earlier, or reorder the"
                                + " steps.");
            }
            return;
        }
        if (reference.field() != null) {
            checkVariableField(reference, candidates.get(0), path, scope, findings);
        }
    }

    /** For a define-variable step, checks that the field names one of its variables. */
    private static void checkVariableField(
            VariableReference reference,
            StepScope.KeyedStep target,
            List<String> path,
            StepScope scope,
            Findings findings) {
        Set<String> variables = variableKeys(target.step());
        if (variables == null || variables.contains(reference.field())) {
            return;
        }
        findings.warn(
                scope.pointerOf(path),
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

    private static String keySuggestion(String root, Map<String, List<StepScope.KeyedStep>> byKey) {
        String folded = root.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<StepScope.KeyedStep>> entry : byKey.entrySet()) {
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
