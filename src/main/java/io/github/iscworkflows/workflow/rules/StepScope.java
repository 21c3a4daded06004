package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.PositionedJson;
import java.util.List;
import java.util.Map;

/** One step under check: what it may refer to, and where its values are. */
final class StepScope {

    /** A step somewhere in the workflow, by key. */
    record KeyedStep(StepContainer container, String name, JsonObject step) {}

    final StepContainer container;
    final String name;
    final String pointer;
    final Map<String, List<KeyedStep>> byKey;

    StepScope(StepContainer container, String name, Map<String, List<KeyedStep>> byKey) {
        this.container = container;
        this.name = name;
        this.pointer = container.stepPointer(name);
        this.byKey = byKey;
    }

    /** Returns whether the step runs at all; an unreachable step already has its own warning. */
    boolean isReachable() {
        return container.start() == null
                || !container.steps().containsKey(container.start())
                || container.reachableFromStart().contains(name);
    }

    /** Returns whether the container's start names one of its steps; without that, step order is unknown. */
    boolean hasKnownStart() {
        return container.start() != null && container.steps().containsKey(container.start());
    }

    /** Returns whether a candidate is this step or runs before it, here or before an enclosing loop. */
    boolean sees(List<KeyedStep> candidates) {
        for (KeyedStep candidate : candidates) {
            if (candidate.container() == container && candidate.name().equals(name)) {
                return true;
            }
            StepContainer current = container;
            String step = name;
            while (current != null) {
                if (candidate.container() == current
                        && current.ancestorsOf(step).contains(candidate.name())) {
                    return true;
                }
                step = current.loopStep();
                current = current.parent();
            }
        }
        return false;
    }

    /** Returns a candidate inside a loop body that does not enclose this step, or null. */
    KeyedStep insideOtherLoop(List<KeyedStep> candidates) {
        for (KeyedStep candidate : candidates) {
            boolean encloses = false;
            for (StepContainer current = container; current != null; current = current.parent()) {
                encloses |= current == candidate.container();
            }
            if (!encloses && candidate.container().isLoop()) {
                return candidate;
            }
        }
        return null;
    }

    boolean isInLoop() {
        for (StepContainer current = container; current != null; current = current.parent()) {
            if (current.isLoop()) {
                return true;
            }
        }
        return false;
    }

    /** Builds the JSON Pointer of a value of this step from its tokens, only when reporting a finding. */
    String pointerOf(List<String> path) {
        StringBuilder pointer = new StringBuilder(this.pointer);
        for (String token : path) {
            pointer.append('/').append(PositionedJson.escape(token));
        }
        return pointer.toString();
    }
}
