package io.github.iscworkflows.references;

import java.util.ArrayList;
import java.util.List;

/**
 * The gate's result for one deployed workflow.
 *
 * @param workflow the workflow checked
 * @param credentials one entry per credential object, in step order
 * @param otherFindings findings outside credential objects: inline secrets, a vanished workflow
 */
public record WorkflowCheck(SelectedWorkflow workflow, List<CredentialCheck> credentials, List<Finding> otherFindings) {

    public WorkflowCheck {
        credentials = List.copyOf(credentials);
        otherFindings = List.copyOf(otherFindings);
    }

    /** Collects every finding, credential objects first. */
    public List<Finding> findings() {
        List<Finding> all = new ArrayList<>();
        credentials.forEach(c -> all.addAll(c.findings()));
        all.addAll(otherFindings);
        return all;
    }
}
