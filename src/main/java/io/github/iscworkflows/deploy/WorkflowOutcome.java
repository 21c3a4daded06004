package io.github.iscworkflows.deploy;

import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one workflow.
 *
 * @param plan the plan it followed
 * @param result what was done
 * @param id the tenant id after the run, or null when it was not created
 * @param error why it failed, or null
 * @param failure the kind of failure, or null
 * @param durationMs time spent on its requests, in milliseconds
 * @param notes warnings from planning, such as a refID that was dropped
 * @param backup the backup file written before the first write, or null
 */
public record WorkflowOutcome(
        PlannedWorkflow plan,
        Result result,
        String id,
        String error,
        FailureKind failure,
        long durationMs,
        List<String> notes,
        Path backup) {

    /** The outcome words used in logs and in {@code deploy-report.json}. */
    public enum Result {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED,
        PRUNED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the project or tenant is at fault (fix and rerun) or the job could not be done (retry). */
    public enum FailureKind {
        /** A 4xx answer or a conflict: the workflow or the tenant needs a change. */
        CONTENT,
        /** A network error, a 5xx answer, 429 after retries, or a local I/O error. */
        TRANSPORT
    }

    public WorkflowOutcome {
        notes = List.copyOf(notes);
    }
}
