package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.Steps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
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

    /** Steps whose full set of reachable steps {@link #leadsTo} keeps; bounds memory on huge graphs. */
    private static final int MAX_CACHED_DESCENDANTS = 64;

    private final String pointer;
    private final String loopStep;
    private final StepContainer parent;
    private final JsonObject object;
    private final Map<String, JsonObject> steps = new LinkedHashMap<>();
    private final Map<String, List<Edge>> edges = new LinkedHashMap<>();
    private final Map<String, StepContainer> loops = new LinkedHashMap<>();
    private Set<String> reachable;
    private Map<String, Integer> indexOf;
    private int[][] predecessors;
    private int[][] successors;
    private int[] queries;
    private int[] queue;
    private final Map<Integer, BitSet> descendants = new HashMap<>();

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

    /**
     * Returns whether a path of one or more transitions leads from {@code from} to {@code to}; true for
     * a step on a cycle through itself.
     *
     * <p>The first question about a step searches backwards from {@code to} and stops at {@code from}.
     * A step asked about again gets the set of steps it leads to computed once and kept, for at most
     * {@link #MAX_CACHED_DESCENDANTS} steps, so memory stays linear in the number of steps.
     */
    public boolean leadsTo(String from, String to) {
        if (predecessors == null) {
            indexSteps();
        }
        Integer source = indexOf.get(from);
        Integer target = indexOf.get(to);
        if (source == null || target == null) {
            return false;
        }
        BitSet cached = descendants.get(source);
        if (cached != null) {
            return cached.get(target);
        }
        if (++queries[source] > 1 && descendants.size() < MAX_CACHED_DESCENDANTS) {
            BitSet found = search(source, successors, -1);
            descendants.put(source, found);
            return found.get(target);
        }
        return search(target, predecessors, source).get(source);
    }

    /**
     * Marks the steps reached from {@code first} along {@code links} (at least one transition), stopping
     * early once {@code stop} is reached; pass -1 to search everything.
     */
    private BitSet search(int first, int[][] links, int stop) {
        BitSet seen = new BitSet(links.length);
        int head = 0;
        int tail = 0;
        queue[tail++] = first;
        while (head < tail) {
            for (int next : links[queue[head++]]) {
                if (!seen.get(next)) {
                    seen.set(next);
                    if (next == stop) {
                        return seen;
                    }
                    queue[tail++] = next;
                }
            }
        }
        return seen;
    }

    /** Numbers the steps and stores the transitions between them as index arrays, for {@link #leadsTo}. */
    private void indexSteps() {
        indexOf = new HashMap<>();
        for (String name : steps.keySet()) {
            indexOf.put(name, indexOf.size());
        }
        List<Set<Integer>> incoming = new ArrayList<>();
        List<Set<Integer>> outgoing = new ArrayList<>();
        for (int i = 0; i < indexOf.size(); i++) {
            incoming.add(new LinkedHashSet<>());
            outgoing.add(new LinkedHashSet<>());
        }
        for (Map.Entry<String, List<Edge>> entry : edges.entrySet()) {
            int from = indexOf.get(entry.getKey());
            for (Edge edge : entry.getValue()) {
                Integer to = indexOf.get(edge.target());
                if (to != null) {
                    incoming.get(to).add(from);
                    outgoing.get(from).add(to);
                }
            }
        }
        predecessors = toArrays(incoming);
        successors = toArrays(outgoing);
        queries = new int[predecessors.length];
        // The first step of a search is queued once unmarked and may be queued again when a cycle reaches it.
        queue = new int[predecessors.length + 1];
    }

    private static int[][] toArrays(List<Set<Integer>> sets) {
        int[][] arrays = new int[sets.size()][];
        for (int i = 0; i < sets.size(); i++) {
            arrays[i] = sets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return arrays;
    }
}
