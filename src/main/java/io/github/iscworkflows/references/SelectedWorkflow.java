package io.github.iscworkflows.references;

import io.github.iscworkflows.support.LogText;

/**
 * A workflow on the tenant that enable, check-references or test works on.
 *
 * @param name the workflow name
 * @param id the tenant's workflow id
 * @param file the source file shown in messages, or null when the workflow was selected by name
 * @param enabledInSource the source file's {@code enabled} value, or null when unknown
 */
public record SelectedWorkflow(String name, String id, String file, Boolean enabledInSource) {

    /** Returns a label for messages: the quoted name and the id. */
    public String label() {
        return LogText.quote(name) + " (id " + id + ")";
    }
}
