package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of the step graph, in the definition and in every loop body: {@code start}, transition
 * targets, reachability, missing transitions, cycles, and step types and action ids.
 */
public final class StepGraphRules implements WorkflowRule {

    public static final String STEPS_EMPTY = "steps-empty";
    public static final String STEP_INVALID = "step-invalid";
    public static final String START_MISSING = "start-missing";
    public static final String START_UNKNOWN = "start-unknown";
    public static final String TARGET_UNKNOWN = "step-target-unknown";
    public static final String UNREACHABLE = "step-unreachable";
    public static final String NEXT_MISSING = "step-next-missing";
    public static final String CYCLE = "step-cycle";
    public static final String TYPE_MISSING = "step-type-missing";
    public static final String TYPE_UNKNOWN = "step-type-unknown";
    public static final String ACTION_UNKNOWN = "action-unknown";

    private final Set<String> knownActions;

    /** Creates the rules; {@code knownActions} is the catalogue of action ids that raise no warning. */
    public StepGraphRules(Set<String> knownActions) {
        this.knownActions = knownActions;
    }

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        for (StepContainer container : checked.containers()) {
            checkContainer(container, findings);
        }
    }

    private void checkContainer(StepContainer container, Findings findings) {
        String where = container.describe();
        JsonElement steps = container.object().get("steps");
        if (steps == null || !steps.isJsonObject() || steps.getAsJsonObject().size() == 0) {
            findings.error(
                    steps == null ? container.pointer() : container.pointer() + "/steps",
                    STEPS_EMPTY,
                    where + " has no steps; " + (container.isLoop() ? "the loop" : "the workflow")
                            + " does nothing. Add \"steps\" with at least one step.");
        } else {
            for (Map.Entry<String, JsonElement> entry : steps.getAsJsonObject().entrySet()) {
                if (!entry.getValue().isJsonObject()) {
                    findings.error(
                            container.stepPointer(entry.getKey()),
                            STEP_INVALID,
                            "step '" + entry.getKey() + "' is not an object; expected {\"type\": ..., ...}.");
                }
            }
        }
        if (!container.steps().isEmpty()) {
            checkStart(container, findings, where);
        }
        for (Map.Entry<String, JsonObject> entry : container.steps().entrySet()) {
            checkStep(container, entry.getKey(), entry.getValue(), findings);
        }
        String start = container.start();
        if (start != null && container.steps().containsKey(start)) {
            Set<String> reachable = container.reachableFromStart();
            for (String name : container.steps().keySet()) {
                if (!reachable.contains(name)) {
                    findings.warn(
                            container.stepPointer(name),
                            UNREACHABLE,
                            "step '" + name + "' is not reachable from start '" + start + "' in " + where
                                    + "; it never runs. Point a nextStep, choiceList or defaultStep at it,"
                                    + " or delete it.");
                }
            }
        }
        checkCycles(container, findings);
    }

    private static void checkStart(StepContainer container, Findings findings, String where) {
        JsonElement start = container.object().get("start");
        if (start == null || container.start() == null || container.start().isBlank()) {
            findings.error(
                    start == null ? container.pointer() : container.pointer() + "/start",
                    START_MISSING,
                    where + " has no \"start\"; ISC does not know which step runs first. Add \"start\" naming"
                            + " the first step.");
            return;
        }
        if (!container.steps().containsKey(container.start())) {
            findings.error(
                    container.pointer() + "/start",
                    START_UNKNOWN,
                    "start '" + container.start() + "' is not a step of " + where + "; step names are"
                            + " case-sensitive."
                            + StepNames.suggestion(
                                    container.start(), container.steps().keySet()));
        }
    }

    private void checkStep(StepContainer container, String name, JsonObject step, Findings findings) {
        String pointer = container.stepPointer(name);
        for (StepContainer.Edge edge : container.edges(name)) {
            if (!container.steps().containsKey(edge.target())) {
                findings.error(
                        edge.pointer(),
                        TARGET_UNKNOWN,
                        "step '" + name + "' goes to '" + edge.target() + "', which is not a step of "
                                + container.describe() + "; the run would stop there. Name an existing step"
                                + " (names are case-sensitive)."
                                + StepNames.suggestion(
                                        edge.target(), container.steps().keySet()));
            }
        }
        String type = Steps.stringOf(step, "type");
        if (type == null || type.isBlank()) {
            findings.error(
                    pointer,
                    TYPE_MISSING,
                    "step '" + name + "' has no \"type\"; set it to action, choice, Mutation, success or"
                            + " failure.");
        } else if (!ActionCatalogue.STEP_TYPES.contains(type)) {
            findings.warn(
                    pointer + "/type",
                    TYPE_UNKNOWN,
                    "step '" + name + "' has type '" + type + "', not one of action, choice, Mutation,"
                            + " success, failure; ISC may reject it. Check the spelling (case-sensitive).");
        }
        String actionId = Steps.stringOf(step, "actionId");
        if (actionId != null && !knownActions.contains(actionId)) {
            findings.warn(
                    pointer + "/actionId",
                    ACTION_UNKNOWN,
                    "step '" + name + "' uses action '" + actionId + "', which is not in the known catalogue;"
                            + " check the spelling, or add it to <knownActions> if ISC offers it.");
        }
        checkTransitions(name, step, type, pointer, findings);
    }

    private static void checkTransitions(String name, JsonObject step, String type, String pointer, Findings findings) {
        if (type == null || ActionCatalogue.TERMINAL_TYPES.contains(type)) {
            return;
        }
        if (type.equals("choice")) {
            JsonElement choices = step.get("choiceList");
            if (choices == null || !choices.isJsonArray() || ((JsonArray) choices).size() == 0) {
                findings.error(
                        pointer,
                        NEXT_MISSING,
                        "choice step '" + name + "' has no choiceList entries; add at least one"
                                + " {\"comparator\", \"variableA.$\", \"nextStep\"}.");
            }
            if (Steps.stringOf(step, "defaultStep") == null) {
                findings.error(
                        pointer,
                        NEXT_MISSING,
                        "choice step '" + name + "' has no \"defaultStep\"; the run has nowhere to go when no"
                                + " choice matches. Add \"defaultStep\" naming a step.");
            }
            return;
        }
        String next = Steps.stringOf(step, "nextStep");
        if (next == null || next.isBlank()) {
            findings.error(
                    pointer,
                    NEXT_MISSING,
                    "step '" + name + "' (type " + type + ") has no \"nextStep\"; only success and failure"
                            + " steps may end a path. Add \"nextStep\", or end the path with a success step.");
        }
    }

    /** Cycles longer than this are shown with the middle steps left out. */
    private static final int MAX_CYCLE_STEPS_SHOWN = 6;

    /**
     * Reports each cycle once, at the transition that closes it. The depth-first search keeps its own
     * stack, so a chain of any length cannot overflow the thread's stack.
     */
    private static void checkCycles(StepContainer container, Findings findings) {
        Set<String> done = new HashSet<>();
        Map<String, Integer> onPath = new HashMap<>();
        List<String> path = new ArrayList<>();
        Deque<Iterator<StepContainer.Edge>> pending = new ArrayDeque<>();
        for (String root : container.steps().keySet()) {
            if (done.contains(root) || onPath.containsKey(root)) {
                continue;
            }
            onPath.put(root, 0);
            path.add(root);
            pending.push(container.edges(root).iterator());
            while (!pending.isEmpty()) {
                Iterator<StepContainer.Edge> edges = pending.peek();
                if (!edges.hasNext()) {
                    pending.pop();
                    String finished = path.remove(path.size() - 1);
                    onPath.remove(finished);
                    done.add(finished);
                    continue;
                }
                StepContainer.Edge edge = edges.next();
                String target = edge.target();
                if (!container.steps().containsKey(target) || done.contains(target)) {
                    continue;
                }
                Integer index = onPath.get(target);
                if (index != null) {
                    reportCycle(container, edge, path.subList(index, path.size()), findings);
                    continue;
                }
                onPath.put(target, path.size());
                path.add(target);
                pending.push(container.edges(target).iterator());
            }
        }
    }

    private static void reportCycle(
            StepContainer container, StepContainer.Edge edge, List<String> cycle, Findings findings) {
        findings.error(
                edge.pointer(),
                CYCLE,
                "step '" + edge.from() + "' goes back to '" + edge.target() + "', closing the cycle "
                        + describeCycle(cycle) + " -> " + edge.target() + " in " + container.describe()
                        + "; ISC workflows run forward only. Repeat work with a loop step"
                        + " (sp:loop:iterator) instead.");
    }

    /** The steps of a cycle joined with arrows; a long cycle keeps its first three and last three steps. */
    private static String describeCycle(List<String> cycle) {
        if (cycle.size() <= MAX_CYCLE_STEPS_SHOWN) {
            return String.join(" -> ", cycle);
        }
        int half = MAX_CYCLE_STEPS_SHOWN / 2;
        return String.join(" -> ", cycle.subList(0, half))
                + " -> ... (" + (cycle.size() - MAX_CYCLE_STEPS_SHOWN) + " more steps) ... -> "
                + String.join(" -> ", cycle.subList(cycle.size() - half, cycle.size()));
    }
}
