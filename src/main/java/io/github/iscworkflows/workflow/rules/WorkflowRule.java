package io.github.iscworkflows.workflow.rules;

/** One family of checks run on each workflow. */
public interface WorkflowRule {

    /** Checks one workflow and adds what it finds. */
    void check(CheckedWorkflow workflow, Findings findings);
}
