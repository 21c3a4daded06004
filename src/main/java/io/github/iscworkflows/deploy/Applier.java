package io.github.iscworkflows.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.deploy.WorkflowOutcome.FailureKind;
import io.github.iscworkflows.deploy.WorkflowOutcome.Result;
import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.Steps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out a plan: one task per workflow, run on up to {@code parallelism} threads. A failing
 * workflow becomes a failed outcome and never stops the others.
 */
final class Applier {

    private final IscApi api;
    private final Backups backups;
    private final BuildLog log;

    Applier(IscApi api, Backups backups, BuildLog log) {
        this.api = api;
        this.backups = backups;
        this.log = log;
    }

    /** Applies every planned workflow and returns the outcomes in plan order. */
    List<WorkflowOutcome> apply(List<PlannedWorkflow> plan, int parallelism) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "isc-deploy-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<WorkflowOutcome>> futures = new ArrayList<>();
            for (PlannedWorkflow planned : plan) {
                futures.add(pool.submit(() -> applyOne(planned)));
            }
            List<WorkflowOutcome> outcomes = new ArrayList<>();
            for (Future<WorkflowOutcome> future : futures) {
                outcomes.add(await(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static WorkflowOutcome await(Future<WorkflowOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Deploy was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    WorkflowOutcome applyOne(PlannedWorkflow planned) {
        long start = System.nanoTime();
        Attempt attempt = new Attempt(planned, start);
        try {
            return switch (planned.action()) {
                case UNCHANGED -> attempt.done(Result.UNCHANGED, planned.remoteId());
                case CONFLICT -> attempt.failed(FailureKind.CONTENT, planned.conflict());
                case UNRESOLVED -> attempt.failed(FailureKind.TRANSPORT, planned.conflict());
                case CREATE -> create(attempt);
                case UPDATE -> update(attempt);
                case PRUNE -> prune(attempt);
            };
        } catch (RuntimeException e) {
            // An unexpected error in one workflow must not abandon the others in the middle of their writes.
            log.debug("Unexpected error while deploying " + label(planned) + ": " + e);
            return attempt.failed(FailureKind.TRANSPORT, "unexpected error: " + e);
        }
    }

    private WorkflowOutcome create(Attempt attempt) {
        PlannedWorkflow planned = attempt.planned;
        try {
            JsonObject created = api.createWorkflow(planned.body());
            String id = Steps.stringOf(created, "id");
            log.info("Created " + label(planned) + " (" + id + ").");
            return attempt.done(Result.CREATED, id);
        } catch (IscException e) {
            return attempt.failed(kind(e), "create failed: " + e.getMessage());
        }
    }

    private WorkflowOutcome update(Attempt attempt) {
        PlannedWorkflow planned = attempt.planned;
        String id = planned.remoteId();
        if (!attempt.backup()) {
            return attempt.outcome;
        }
        boolean wasEnabled = planned.remoteEnabled();
        if (wasEnabled) {
            try {
                api.patchWorkflow(id, enabledPatch(false));
            } catch (IscException e) {
                return attempt.failed(
                        kind(e),
                        "disabling it before the update failed, so it was not changed and is still enabled: "
                                + e.getMessage());
            }
        }
        IscException updateError = null;
        try {
            api.updateWorkflow(id, planned.body());
        } catch (IscException e) {
            updateError = e;
        }
        IscException enableError = null;
        boolean enableAgain = wasEnabled && (planned.reEnable() || updateError != null);
        if (enableAgain) {
            try {
                api.patchWorkflow(id, enabledPatch(true));
            } catch (IscException e) {
                enableError = e;
            }
        }
        return updateOutcome(attempt, wasEnabled, enableAgain, updateError, enableError);
    }

    private WorkflowOutcome updateOutcome(
            Attempt attempt,
            boolean wasEnabled,
            boolean enableAgain,
            IscException updateError,
            IscException enableError) {
        PlannedWorkflow planned = attempt.planned;
        String what = label(planned) + " (" + planned.remoteId() + ")";
        if (updateError == null && enableError == null) {
            if (!wasEnabled) {
                log.info("Updated " + what + ": " + planned.changes().describe() + ".");
            } else if (enableAgain) {
                log.info("Updated " + what + ": it was enabled, so deploy disabled it, replaced it and enabled it"
                        + " again.");
            } else {
                log.info("Updated " + what + ": it was enabled, so deploy disabled it and replaced it; it stays"
                        + " disabled because the source says \"enabled\": false.");
            }
            return attempt.done(Result.UPDATED, planned.remoteId());
        }
        if (updateError == null) {
            return attempt.failed(
                    kind(enableError),
                    "the update succeeded, but enabling it again failed (" + enableError.getMessage()
                            + "), so it is now disabled. Enable it with isc:enable or in the ISC UI.");
        }
        String message = "update failed: " + updateError.getMessage();
        if (enableAgain && enableError == null) {
            message += "; it was enabled again, so the tenant's previous version is still live.";
        } else if (enableAgain) {
            message += "; enabling it again failed too (" + enableError.getMessage()
                    + "), so it is now disabled. Enable it with isc:enable or in the ISC UI.";
        }
        return attempt.failed(kind(updateError), message);
    }

    private WorkflowOutcome prune(Attempt attempt) {
        PlannedWorkflow planned = attempt.planned;
        String id = planned.remoteId();
        if (!attempt.backup()) {
            return attempt.outcome;
        }
        boolean wasEnabled = planned.remoteEnabled();
        if (wasEnabled) {
            try {
                api.patchWorkflow(id, enabledPatch(false));
            } catch (IscException e) {
                return attempt.failed(
                        kind(e), "disabling it before the delete failed, so it was kept: " + e.getMessage());
            }
        }
        try {
            api.deleteWorkflow(id);
        } catch (IscException e) {
            String message = "delete failed: " + e.getMessage();
            if (wasEnabled) {
                message += enableAgainAfterFailedDelete(id);
            }
            return attempt.failed(kind(e), message);
        }
        log.info("Pruned " + label(planned) + " (" + id + ")" + (wasEnabled ? ", after disabling it." : "."));
        return attempt.done(Result.PRUNED, id);
    }

    private String enableAgainAfterFailedDelete(String id) {
        try {
            api.patchWorkflow(id, enabledPatch(true));
            return "; it was enabled again.";
        } catch (IscException e) {
            return "; enabling it again failed too (" + e.getMessage() + "), so it is now disabled.";
        }
    }

    /** A JSON Patch that sets {@code /enabled}. */
    static JsonArray enabledPatch(boolean enabled) {
        JsonObject operation = new JsonObject();
        operation.addProperty("op", "replace");
        operation.addProperty("path", "/enabled");
        operation.addProperty("value", enabled);
        JsonArray operations = new JsonArray();
        operations.add(operation);
        return operations;
    }

    private static FailureKind kind(IscException e) {
        return e.isClientError() ? FailureKind.CONTENT : FailureKind.TRANSPORT;
    }

    static String label(PlannedWorkflow planned) {
        return "'" + planned.name() + "'";
    }

    /** The state of one workflow's task: timing, backup, and the outcome once known. */
    private final class Attempt {
        private final PlannedWorkflow planned;
        private final long start;
        private Path backupFile;
        private WorkflowOutcome outcome;

        Attempt(PlannedWorkflow planned, long start) {
            this.planned = planned;
            this.start = start;
        }

        /** Saves the tenant's copy; on failure sets a failed outcome and returns false. */
        boolean backup() {
            try {
                backupFile = backups.save(planned.name(), planned.remote());
                return true;
            } catch (IOException e) {
                outcome = failed(
                        FailureKind.TRANSPORT,
                        "writing the backup under " + backups.folder() + " failed, so nothing was sent: " + e);
                return false;
            }
        }

        WorkflowOutcome done(Result result, String id) {
            return new WorkflowOutcome(planned, result, id, null, null, elapsed(), planned.notes(), backupFile);
        }

        WorkflowOutcome failed(FailureKind kind, String error) {
            return new WorkflowOutcome(
                    planned, Result.FAILED, planned.remoteId(), error, kind, elapsed(), planned.notes(), backupFile);
        }

        private long elapsed() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
