package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of a workflow definition or of one loop body, as a graph.
 *
 * <p>A loop step ({@code sp:loop:iterator}) holds its own {@code start} and {@code steps} inside its
 * {@code attributes}; each such body is a child container. Targets resolve only within the container
 * that holds the step.
 */
public final class StepContainer {

    /** A transition from one step to another, with the pointer of the field naming the target. */
    public record Edge(String from, String target, String pointer) {}

    private final String pointer;
    private final String loopStep;
    private final StepContainer parent;
    private final JsonObject object;
    private final Map<String, JsonObject> steps = new LinkedHashMap<>();
    private final Map<String, List<Edge>> edges = new LinkedHashMap<>();
    private final Map<String, StepContainer> loops = new LinkedHashMap<>();
    private Map<String, Set<String>> predecessors;
    private Set<String> reachable;
    private final Map<String, Set<String>> ancestors = new HashMap<>();

    private StepContainer(String pointer, String loopStep, StepContainer parent, JsonObject object) {
        this.pointer = pointer;
        this.loopStep = loopStep;
        this.parent = parent;
        this.object = object;
        JsonElement stepsElement = object.get("steps");
        if (stepsElement != null && stepsElement.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry :
                    stepsElement.getAsJsonObject().entrySet()) {
                if (entry.getValue().isJsonObject()) {
                    addStep(entry.getKey(), entry.getValue().getAsJsonObject());
                }
            }
        }
    }

    /** The container of a workflow's {@code definition}, or null when the definition is not an object. */
    public static StepContainer ofDefinition(JsonObject workflow) {
        JsonElement definition = workflow.get("definition");
        if (definition == null || !definition.isJsonObject()) {
            return null;
        }
        return new StepContainer("/definition", null, null, definition.getAsJsonObject());
    }

    private void addStep(String name, JsonObject step) {
        steps.put(name, step);
        String stepPointer = stepPointer(name);
        List<Edge> out = new ArrayList<>();
        addEdge(out, name, step, "nextStep", stepPointer + "/nextStep");
        addEdge(out, name, step, "defaultStep", stepPointer + "/defaultStep");
        JsonElement choices = step.get("choiceList");
        if (choices != null && choices.isJsonArray()) {
            JsonArray list = choices.getAsJsonArray();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isJsonObject()) {
                    String choicePointer = stepPointer + "/choiceList/" + i;
                    addEdge(out, name, list.get(i).getAsJsonObject(), "nextStep", choicePointer + "/nextStep");
                }
            }
        }
        // Error handlers: "catch": [{"next": "Step"}] sends a failed step to another step.
        JsonElement handlers = step.get("catch");
        if (handlers != null && handlers.isJsonArray()) {
            JsonArray list = handlers.getAsJsonArray();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isJsonObject()) {
                    addEdge(out, name, list.get(i).getAsJsonObject(), "next", stepPointer + "/catch/" + i + "/next");
                }
            }
        }
        edges.put(name, out);
        JsonElement attributes = step.get("attributes");
        if (Steps.LOOP_ACTION.equals(Steps.stringOf(step, "actionId"))
                && attributes != null
                && attributes.isJsonObject()) {
            loops.put(name, new StepContainer(stepPointer + "/attributes", name, this, attributes.getAsJsonObject()));
        }
    }

    private static void addEdge(List<Edge> out, String from, JsonObject holder, String key, String pointer) {
        String target = Steps.stringOf(holder, key);
        if (target != null && !target.isEmpty()) {
            out.add(new Edge(from, target, pointer));
        }
    }

    /** JSON Pointer of this container inside the workflow ({@code /definition} or a loop's attributes). */
    public String pointer() {
        return pointer;
    }

    /** The definition or loop attributes object. */
    public JsonObject object() {
        return object;
    }

    /** The enclosing container, or null for the definition. */
    public StepContainer parent() {
        return parent;
    }

    /** The loop step whose body this is, or null for the definition. */
    public String loopStep() {
        return loopStep;
    }

    /** Whether this is a loop body. */
    public boolean isLoop() {
        return loopStep != null;
    }

    /** The {@code start} value, or null when missing or not a string. */
    public String start() {
        return Steps.stringOf(object, "start");
    }

    /** Steps by name, in file order (entries that are not objects are left out). */
    public Map<String, JsonObject> steps() {
        return steps;
    }

    /** The outgoing transitions of a step. */
    public List<Edge> edges(String step) {
        return edges.getOrDefault(step, List.of());
    }

    /** Loop bodies by loop step name. */
    public Map<String, StepContainer> loops() {
        return loops;
    }

    /** JSON Pointer of a step of this container. */
    public String stepPointer(String step) {
        return pointer + "/steps/" + PositionedJson.escape(step);
    }

    /** "the definition" or "the body of loop step 'X'", for messages. */
    public String describe() {
        return loopStep == null ? "the definition" : "the body of loop step '" + loopStep + "'";
    }

    /** Steps reachable from {@code start} by following the transitions, start included. */
    public Set<String> reachableFromStart() {
        if (reachable != null) {
            return reachable;
        }
        Set<String> seen = new LinkedHashSet<>();
        reachable = seen;
        String start = start();
        if (start == null || !steps.containsKey(start)) {
            return seen;
        }
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        seen.add(start);
        while (!queue.isEmpty()) {
            for (Edge edge : edges(queue.poll())) {
                if (steps.containsKey(edge.target()) && seen.add(edge.target())) {
                    queue.add(edge.target());
                }
            }
        }
        return seen;
    }

    /** Steps of this container from which a path leads to {@code step}; the step itself only when on a cycle. */
    public Set<String> ancestorsOf(String step) {
        Set<String> cached = ancestors.get(step);
        if (cached != null) {
            return cached;
        }
        if (predecessors == null) {
            predecessors = new HashMap<>();
            for (Map.Entry<String, List<Edge>> entry : edges.entrySet()) {
                for (Edge edge : entry.getValue()) {
                    predecessors
                            .computeIfAbsent(edge.target(), k -> new LinkedHashSet<>())
                            .add(edge.from());
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(step);
        while (!queue.isEmpty()) {
            for (String previous : predecessors.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(previous)) {
                    queue.add(previous);
                }
            }
        }
        ancestors.put(step, seen);
        return seen;
    }
}
