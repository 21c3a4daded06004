package io.github.iscworkflows.references;

/** A test run of a workflow did not complete: refused, failed, cancelled or timed out. */
public class WorkflowTestException extends Exception {

    public WorkflowTestException(String message) {
        super(message);
    }
}
