package io.github.iscworkflows.deploy;

import io.github.iscworkflows.deploy.WorkflowOutcome.FailureKind;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a deploy run did.
 *
 * @param tenant the tenant host
 * @param dryRun whether this was a dry run; then {@code outcomes} is empty
 * @param plan the plan, in order
 * @param outcomes one outcome per planned workflow, in plan order
 * @param requestCount HTTP requests the client sent during the run
 * @param durationMs wall time of the run, in milliseconds
 * @param report the report file written
 * @param backupFolder the folder holding this run's backups (it exists only when something was backed up)
 */
public record DeployResult(
        String tenant,
        boolean dryRun,
        List<PlannedWorkflow> plan,
        List<WorkflowOutcome> outcomes,
        int requestCount,
        long durationMs,
        Path report,
        Path backupFolder) {

    public DeployResult {
        plan = List.copyOf(plan);
        outcomes = List.copyOf(outcomes);
    }

    /** Number of outcomes per result, every result present. */
    public Map<Result, Integer> totals() {
        Map<Result, Integer> totals = new EnumMap<>(Result.class);
        for (Result result : Result.values()) {
            totals.put(result, 0);
        }
        for (WorkflowOutcome outcome : outcomes) {
            totals.merge(outcome.result(), 1, Integer::sum);
        }
        return totals;
    }

    public List<WorkflowOutcome> failures() {
        return outcomes.stream().filter(o -> o.result() == Result.FAILED).toList();
    }

    /** Whether any failure was the content's or the tenant's fault rather than the network's. */
    public boolean hasContentFailure() {
        return failures().stream().anyMatch(o -> o.failure() == FailureKind.CONTENT);
    }
}
