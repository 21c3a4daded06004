package io.github.iscworkflows.references;

/**
 * One problem found by the reference gate.
 *
 * @param kind what is wrong
 * @param stepPath the step, with enclosing loops joined by " > ", or null for a workflow-level finding
 * @param attribute the step attribute, for example {@code param_oauth}, or null
 * @param paramId the credential object's {@code paramID}, or null
 * @param refId the credential object's {@code refID}, or null
 * @param message what is wrong, with the values involved
 * @param fix what the user should do
 */
public record Finding(
        FindingKind kind, String stepPath, String attribute, String paramId, String refId, String message, String fix) {

    /** Creates a finding that concerns the whole workflow or run, not one step. */
    public static Finding general(FindingKind kind, String message, String fix) {
        return new Finding(kind, null, null, null, null, message, fix);
    }

    public boolean isFailure() {
        return kind.isFailure();
    }

    /** Returns where the finding is: step and attribute, or "workflow". */
    public String location() {
        if (stepPath == null) {
            return "workflow";
        }
        return "step '" + stepPath + "'" + (attribute == null ? "" : ", " + attribute);
    }

    /** Formats one line for logs and failure messages: location, ids, message and fix. */
    public String format() {
        StringBuilder line = new StringBuilder(location());
        if (paramId != null || refId != null || kind == FindingKind.MISSING_REF_ID) {
            line.append(" (paramID ").append(paramId == null ? "none" : paramId);
            line.append(", refID ").append(refId == null ? "none" : refId).append(')');
        }
        line.append(": ").append(message);
        if (fix != null) {
            line.append(" Fix: ").append(fix);
        }
        return line.toString();
    }
}
