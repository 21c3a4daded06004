package io.github.iscworkflows.workflow.rules;

import io.github.iscworkflows.workflow.CredentialReference;
import io.github.iscworkflows.workflow.Steps;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A workflow under validation: its source and its step graph, built once and shared by the rules.
 *
 * @param source the workflow and where it came from
 * @param definition the graph of the definition, or null when {@code definition} is missing or not an
 *     object
 * @param steps every step, loop bodies included
 * @param credentials every {@code param_*} object of every step
 */
public record CheckedWorkflow(
        WorkflowSource source,
        StepContainer definition,
        List<Steps.Step> steps,
        List<CredentialReference> credentials) {

    /** Builds the step graph, the step list and the credential objects of a workflow. */
    public static CheckedWorkflow of(WorkflowSource source) {
        return new CheckedWorkflow(
                source,
                StepContainer.ofDefinition(source.workflow()),
                Steps.all(source.workflow()),
                CredentialReference.findAll(source.workflow()));
    }

    /** The definition and every loop body, depth first; empty when there is no definition. */
    public List<StepContainer> containers() {
        List<StepContainer> all = new ArrayList<>();
        Deque<StepContainer> pending = new ArrayDeque<>();
        if (definition != null) {
            pending.push(definition);
        }
        while (!pending.isEmpty()) {
            StepContainer container = pending.pop();
            all.add(container);
            List<StepContainer> loops = new ArrayList<>(container.loops().values());
            for (int i = loops.size() - 1; i >= 0; i--) {
                pending.push(loops.get(i));
            }
        }
        return all;
    }
}
