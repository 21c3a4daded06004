package io.github.iscworkflows.workflow;

import java.util.List;

/**
 * What reading a workflows folder produced.
 *
 * @param filesRead number of files read
 * @param workflows every workflow object found, in file order
 * @param problems file-level findings (syntax, encoding, shape) and info lines for skipped objects
 */
public record LoadResult(int filesRead, List<WorkflowSource> workflows, List<Problem> problems) {

    public LoadResult {
        workflows = List.copyOf(workflows);
        problems = List.copyOf(problems);
    }

    /** Whether any file could not be read as workflows (an error-level problem). */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }
}
