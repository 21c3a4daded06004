package io.github.iscworkflows.references;

import java.util.List;

/**
 * The result of the enable goal for one workflow.
 *
 * @param workflow the workflow
 * @param action what happened
 * @param message one line for the log, or the rejection text for {@link Action#REJECTED}
 * @param credentials the credential objects read back after enabling (empty when not enabled)
 * @param refreshNotes one line per refresh attempt, when refreshReferences ran
 */
public record EnableOutcome(
        SelectedWorkflow workflow,
        Action action,
        String message,
        List<CredentialCheck> credentials,
        List<String> refreshNotes) {

    public EnableOutcome {
        credentials = List.copyOf(credentials);
        refreshNotes = List.copyOf(refreshNotes);
    }

    /** The change made to a workflow, or the reason none was made. */
    public enum Action {
        ENABLED,
        DISABLED,
        ALREADY_ENABLED,
        ALREADY_DISABLED,
        /** The source file sets {@code enabled: false} and enableAll is off. */
        LEFT_AS_IS,
        WOULD_ENABLE,
        WOULD_DISABLE,
        /** ISC rejected the change (a 4xx with a message). */
        REJECTED,
        NOT_FOUND;

        /** Returns whether the outcome fails the goal. */
        public boolean isFailure() {
            return this == REJECTED || this == NOT_FOUND;
        }
    }

    /** Credential objects read back without a {@code refID}. */
    public List<CredentialCheck> withoutRefId() {
        return credentials.stream().filter(c -> c.refId() == null).toList();
    }
}
