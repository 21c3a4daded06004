package io.github.iscworkflows.deploy;

import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.List;

/**
 * A check of the workflows as they will be sent, after placeholders are resolved. A placeholder may
 * bring in a value that the file alone did not show, such as a {@code .$} value without a JSONPath.
 */
@FunctionalInterface
public interface ResolvedCheck {

    /** A check that finds nothing. */
    ResolvedCheck NONE = resolved -> List.of();

    /**
     * Returns the error-level problems of the resolved workflows; any problem stops the plan.
     *
     * @param resolved each source with its workflow object replaced by the resolved one
     */
    List<Problem> check(List<WorkflowSource> resolved);
}
