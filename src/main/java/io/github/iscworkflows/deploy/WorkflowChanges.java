package io.github.iscworkflows.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * How a source workflow differs from its tenant copy, after normalising both.
 *
 * @param fields changed top-level fields, sorted
 * @param changedSteps steps present on both sides whose own content differs (loop bodies as "Loop > Step")
 * @param addedSteps steps only in the source
 * @param removedSteps steps only on the tenant
 */
public record WorkflowChanges(
        List<String> fields, List<String> changedSteps, List<String> addedSteps, List<String> removedSteps) {

    public static final WorkflowChanges NONE = new WorkflowChanges(List.of(), List.of(), List.of(), List.of());

    public WorkflowChanges {
        fields = List.copyOf(fields);
        changedSteps = List.copyOf(changedSteps);
        addedSteps = List.copyOf(addedSteps);
        removedSteps = List.copyOf(removedSteps);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** One line such as {@code fields definition, description; steps changed: A; added: B}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("fields " + String.join(", ", fields));
        if (!changedSteps.isEmpty()) {
            parts.add("steps changed: " + String.join(", ", changedSteps));
        }
        if (!addedSteps.isEmpty()) {
            parts.add("added: " + String.join(", ", addedSteps));
        }
        if (!removedSteps.isEmpty()) {
            parts.add("removed: " + String.join(", ", removedSteps));
        }
        return String.join("; ", parts);
    }
}
