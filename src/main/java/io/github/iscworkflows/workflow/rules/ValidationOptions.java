package io.github.iscworkflows.workflow.rules;

import java.util.Set;

/**
 * Settings of one validation run.
 *
 * @param skipRules rule ids whose problems are dropped
 * @param knownActions action ids to accept besides {@link ActionCatalogue#ACTION_IDS}
 */
public record ValidationOptions(Set<String> skipRules, Set<String> knownActions) {

    public ValidationOptions {
        skipRules = Set.copyOf(skipRules);
        knownActions = Set.copyOf(knownActions);
    }

    /** Every rule on, the built-in action catalogue only. */
    public static ValidationOptions defaults() {
        return new ValidationOptions(Set.of(), Set.of());
    }
}
