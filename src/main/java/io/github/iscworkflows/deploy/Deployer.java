package io.github.iscworkflows.deploy;

import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.support.LogText;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.SecretMasking;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.SourcePosition;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deploys local workflows to one tenant: plans, prints the plan, and unless it is a dry run applies it,
 * writes the report and prints a summary. Failures of single workflows are in the result, not thrown.
 */
public final class Deployer {

    private final IscApi api;
    private final DeployOptions options;
    private final SecretMaskingLog log;
    private ResolvedCheck resolvedCheck = ResolvedCheck.NONE;

    public Deployer(IscApi api, DeployOptions options, BuildLog log) {
        this.api = api;
        this.options = options;
        this.log = new SecretMaskingLog(log);
    }

    /** Sets the check run on the workflows once their placeholders are resolved; see {@link ResolvedCheck}. */
    public Deployer withResolvedCheck(ResolvedCheck check) {
        this.resolvedCheck = check;
        return this;
    }

    /**
     * Runs the deploy.
     *
     * @throws PlanException when the plan cannot be made; nothing was written
     * @throws IscException when listing or a lookup failed; nothing was written
     * @throws IOException when the report cannot be written
     */
    public DeployResult deploy(List<WorkflowSource> sources) throws PlanException, IscException, IOException {
        long start = System.nanoTime();
        int requestsBefore = api.requestCount();
        if (options.prune() && options.pruneIncludes().isEmpty()) {
            String message = "isc.prune is true but <pruneIncludes> is empty, so deploy cannot tell which tenant"
                    + " workflows it may delete. List name patterns in <pruneIncludes> (-Disc.pruneIncludes=\"Team A"
                    + " *\"), or set isc.prune to false.";
            throw new PlanException(
                    message,
                    List.of(new Problem("<pruneIncludes>", SourcePosition.START, Severity.ERROR, "prune", message)));
        }
        if (options.prune() && sources.isEmpty()) {
            String message = "isc.prune is true but no local workflow was read, so every tenant workflow matching"
                    + " <pruneIncludes> would be deleted. Check <workflowsDirectory> (-Disc.workflowsDirectory),"
                    + " <includes> and <excludes>; to empty a tenant on purpose, delete the workflows in ISC.";
            throw new PlanException(
                    message,
                    List.of(new Problem(
                            "<workflowsDirectory>", SourcePosition.START, Severity.ERROR, "prune", message)));
        }

        for (WorkflowSource source : sources) {
            log.addSecrets(SecretMasking.literalValues(source.workflow()));
        }
        List<PlannedWorkflow> plan =
                new Planner(api, options, log).withResolvedCheck(resolvedCheck).plan(sources);
        for (PlannedWorkflow planned : plan) {
            // Placeholders are resolved now, and the tenant's copy may hold secrets of its own.
            log.addSecrets(SecretMasking.literalValues(planned.body()));
            log.addSecrets(SecretMasking.literalValues(planned.remote()));
        }
        logPlan(plan);
        Backups backups = new Backups(options.outputDirectory(), options.tenant(), options.clock());

        if (options.dryRun()) {
            logDiffs(plan);
            long durationMs = elapsedMs(start);
            int requests = api.requestCount() - requestsBefore;
            Path file = DeployReport.writePlan(options.outputDirectory(), options.tenant(), plan, requests, durationMs);
            log.info("Dry run: nothing was written to " + options.tenant() + ". Plan written to " + file + ".");
            return new DeployResult(options.tenant(), true, plan, List.of(), requests, durationMs, file, null);
        }

        List<WorkflowOutcome> outcomes = masked(new Applier(api, backups, log).apply(plan, options.parallelism()));
        long durationMs = elapsedMs(start);
        int requests = api.requestCount() - requestsBefore;
        Path file = options.outputDirectory().resolve(DeployReport.REPORT_FILE);
        DeployResult result =
                new DeployResult(options.tenant(), false, plan, outcomes, requests, durationMs, file, backups.folder());
        // The summary comes first, so the outcome is known even when the report cannot be written.
        logSummary(result);
        DeployReport.writeReport(options.outputDirectory(), options.tenant(), outcomes, requests, durationMs);
        log.info("Report written to " + file + ".");
        return result;
    }

    private void logPlan(List<PlannedWorkflow> plan) {
        Map<PlanAction, Long> counts = new java.util.EnumMap<>(PlanAction.class);
        for (PlannedWorkflow planned : plan) {
            counts.merge(planned.action(), 1L, Long::sum);
        }
        StringBuilder header = new StringBuilder("Plan for " + options.tenant() + ":");
        for (PlanAction action : PlanAction.values()) {
            if (action == PlanAction.UNRESOLVED && !counts.containsKey(action)) {
                continue;
            }
            header.append(action == PlanAction.CREATE ? " " : ", ")
                    .append(counts.getOrDefault(action, 0L))
                    .append(' ')
                    .append(action.label());
        }
        log.info(header + ".");
        for (PlannedWorkflow planned : plan) {
            log.info("  " + planLine(planned));
            for (String note : planned.notes()) {
                log.warn("    " + Applier.label(planned) + ": " + note);
            }
        }
    }

    /** One plan line, such as {@code update    'Name' (file.json, id 42): fields definition}. */
    static String planLine(PlannedWorkflow planned) {
        StringBuilder line = new StringBuilder(
                        String.format(Locale.ROOT, "%-10s", planned.action().label()))
                .append(Applier.label(planned));
        String file = planned.file();
        String id = planned.remoteId();
        if (file != null || id != null) {
            line.append(" (");
            line.append(file == null ? "" : LogText.escape(file));
            line.append(file != null && id != null ? ", " : "");
            line.append(id == null ? "" : "id " + id);
            line.append(')');
        }
        if (planned.action() == PlanAction.UPDATE) {
            line.append(": ").append(planned.changes().describe());
            if (planned.remoteEnabled()) {
                line.append(
                        planned.reEnable() ? "; enabled, so disable, update, enable" : "; enabled, so disable, update");
            }
        } else if (planned.action() == PlanAction.CONFLICT || planned.action() == PlanAction.UNRESOLVED) {
            line.append(": ").append(planned.conflict());
        } else if (planned.action() == PlanAction.PRUNE && planned.remoteEnabled()) {
            line.append(": enabled, so disable, delete");
        }
        return line.toString();
    }

    private void logDiffs(List<PlannedWorkflow> plan) {
        for (PlannedWorkflow planned : plan) {
            if (planned.action() == PlanAction.UPDATE) {
                String diff = WorkflowComparison.diff(planned.name(), planned.body(), planned.remote());
                log.info("Changes to " + Applier.label(planned) + " (tenant first, normalised):\n"
                        + diff.stripTrailing());
            }
        }
    }

    private void logSummary(DeployResult result) {
        Map<Result, Integer> totals = result.totals();
        StringBuilder summary = new StringBuilder(String.format(
                Locale.ROOT,
                "Deploy to %s finished in %.1f s with %d requests:",
                result.tenant(),
                result.durationMs() / 1000.0,
                result.requestCount()));
        for (Result outcome : Result.values()) {
            summary.append(String.format(Locale.ROOT, "%n  %-10s %4d", outcome.label(), totals.get(outcome)));
        }
        log.info(summary.toString());
        List<WorkflowOutcome> failures = result.failures();
        if (!failures.isEmpty()) {
            StringBuilder failed = new StringBuilder(failures.size() + " workflow(s) failed:");
            for (WorkflowOutcome outcome : failures) {
                failed.append("\n  ").append(Applier.label(outcome.plan()));
                if (outcome.plan().file() != null) {
                    failed.append(" (").append(outcome.plan().file()).append(')');
                }
                failed.append(": ").append(outcome.error());
            }
            log.warn(failed.toString());
        }
    }

    /** The outcomes with every known secret masked in their error texts, which may quote the tenant. */
    private List<WorkflowOutcome> masked(List<WorkflowOutcome> outcomes) {
        List<WorkflowOutcome> masked = new ArrayList<>();
        for (WorkflowOutcome o : outcomes) {
            masked.add(new WorkflowOutcome(
                    o.plan(),
                    o.result(),
                    o.id(),
                    log.mask(o.error()),
                    o.failure(),
                    o.durationMs(),
                    o.notes(),
                    o.backup()));
        }
        return masked;
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
