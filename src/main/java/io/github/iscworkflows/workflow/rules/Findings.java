package io.github.iscworkflows.workflow.rules;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.List;
import java.util.Set;

/** Collects the problems found in one workflow, dropping those of rules switched off by id. */
public final class Findings {

    private final WorkflowSource source;
    private final Set<String> skippedRules;
    private final List<Problem> problems;

    Findings(WorkflowSource source, Set<String> skippedRules, List<Problem> problems) {
        this.source = source;
        this.skippedRules = skippedRules;
        this.problems = problems;
    }

    /** Adds an error at {@code pointer}, a JSON Pointer inside the workflow object. */
    public void error(String pointer, String ruleId, String message) {
        add(pointer, Severity.ERROR, ruleId, message);
    }

    /** Adds a warning at {@code pointer}, a JSON Pointer inside the workflow object. */
    public void warn(String pointer, String ruleId, String message) {
        add(pointer, Severity.WARNING, ruleId, message);
    }

    /** Adds an info line at {@code pointer}, a JSON Pointer inside the workflow object. */
    public void info(String pointer, String ruleId, String message) {
        add(pointer, Severity.INFO, ruleId, message);
    }

    private void add(String pointer, Severity severity, String ruleId, String message) {
        if (skippedRules.contains(ruleId)) {
            return;
        }
        problems.add(new Problem(source.displayPath(), source.positionOf(pointer), severity, ruleId, message));
    }
}
