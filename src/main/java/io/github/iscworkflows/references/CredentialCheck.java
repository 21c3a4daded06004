package io.github.iscworkflows.references;

import java.util.List;

/**
 * The gate's result for one credential object ({@code param_*} attribute) of a deployed workflow.
 *
 * @param stepPath the step, with enclosing loops joined by " > "
 * @param attribute the attribute key, for example {@code param_oauth}
 * @param paramId {@code paramID}, or null
 * @param refId {@code refID}, or null
 * @param pointer JSON Pointer of the object inside the workflow
 * @param findings what is wrong with it; empty when it passed
 */
public record CredentialCheck(
        String stepPath, String attribute, String paramId, String refId, String pointer, List<Finding> findings) {

    public CredentialCheck {
        findings = List.copyOf(findings);
    }

    /** Returns whether any finding fails the gate. */
    public boolean failed() {
        return findings.stream().anyMatch(Finding::isFailure);
    }
}
