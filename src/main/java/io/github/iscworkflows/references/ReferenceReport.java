package io.github.iscworkflows.references;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the reference gate found in one run.
 *
 * @param workflows one entry per checked workflow
 * @param generalFindings findings that concern the run, such as a missing Parameter Storage scope
 * @param referencesVerified whether refIDs were checked against the reference records
 * @param requests HTTP requests the check sent, token requests included
 */
public record ReferenceReport(
        List<WorkflowCheck> workflows, List<Finding> generalFindings, boolean referencesVerified, int requests) {

    public ReferenceReport {
        workflows = List.copyOf(workflows);
        generalFindings = List.copyOf(generalFindings);
    }

    /** Collects every finding of every workflow, then the general ones. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        workflows.forEach(w -> all.addAll(w.findings()));
        all.addAll(generalFindings);
        return all;
    }

    public long failureCount() {
        return findings().stream().filter(Finding::isFailure).count();
    }

    public long warningCount() {
        return findings().stream().filter(f -> !f.isFailure()).count();
    }

    public int credentialCount() {
        return workflows.stream().mapToInt(w -> w.credentials().size()).sum();
    }
}
