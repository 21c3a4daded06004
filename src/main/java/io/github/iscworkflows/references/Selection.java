package io.github.iscworkflows.references;

import java.util.List;

/**
 * The workflows a goal works on, and what went wrong while choosing them.
 *
 * @param source where the list came from, for the log: the deploy report, the names given, or the
 *     workflows folder
 * @param workflows the selected workflows, in source order
 * @param errors problems that must fail the goal (an ambiguous name, a name not on the tenant)
 * @param warnings problems that leave a workflow out but need not fail the goal
 */
public record Selection(String source, List<SelectedWorkflow> workflows, List<String> errors, List<String> warnings) {

    public Selection {
        workflows = List.copyOf(workflows);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
