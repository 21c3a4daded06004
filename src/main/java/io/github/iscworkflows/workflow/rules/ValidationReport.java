package io.github.iscworkflows.workflow.rules;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import java.util.List;

/**
 * The outcome of a validation run.
 *
 * @param files number of files read
 * @param workflows number of workflows found in them
 * @param problems every problem, sorted by file, line, column and rule id
 */
public record ValidationReport(int files, int workflows, List<Problem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    public long infos() {
        return count(Severity.INFO);
    }

    /** The counts for the summary line: files, workflows, errors, warnings (no final period). */
    public String summary() {
        return files + " " + plural(files, "file") + ", " + workflows + " " + plural(workflows, "workflow") + ": "
                + errors() + " " + plural(errors(), "error") + ", " + warnings() + " "
                + plural(warnings(), "warning");
    }

    private long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }

    private static String plural(long count, String word) {
        return count == 1 ? word : word + "s";
    }
}
