package io.github.iscworkflows.deploy;

import io.github.iscworkflows.workflow.Problem;
import java.util.List;

/**
 * The plan could not be made because of the workflow files or the configuration (duplicate names,
 * unresolved placeholders, an unknown owner); nothing was written.
 */
public class PlanException extends Exception {

    private final List<Problem> problems;

    public PlanException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
