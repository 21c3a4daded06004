package io.github.iscworkflows.workflow.rules;

import java.util.Set;

/**
 * Step types and action ids known to the linter.
 *
 * <p>Built from real workflow exports (operators, loops and variables included) and the action ids
 * named in SailPoint's workflow documentation. ISC adds actions over time, so an id outside this list
 * is a warning; {@code knownActions} in the validate options extends the list.
 */
public final class ActionCatalogue {

    /** Values of a step's {@code type}. */
    public static final Set<String> STEP_TYPES = Set.of("action", "choice", "Mutation", "success", "failure");

    /** Step types that end a path and need no {@code nextStep}. */
    public static final Set<String> TERMINAL_TYPES = Set.of("success", "failure");

    // NOTE: sp:compare-timestamps and sp:create-campaign come from SailPoint's documentation, not from
    // an export; the rest occur in real exports.
    public static final Set<String> ACTION_IDS = Set.of(
            "sp:access-request-approval",
            "sp:access:get",
            "sp:access:manage",
            "sp:compare-boolean",
            "sp:compare-numbers",
            "sp:compare-strings",
            "sp:compare-timestamps",
            "sp:compare-unary",
            "sp:create-campaign",
            "sp:define-variable",
            "sp:forms",
            "sp:generic-approval",
            "sp:get-accounts",
            "sp:get-identities",
            "sp:get-identity",
            "sp:http",
            "sp:interactive-form",
            "sp:interactive-message",
            "sp:loop:iterator",
            "sp:manage-account",
            "sp:operator-failure",
            "sp:operator-success",
            "sp:send-email",
            "sp:sleep",
            "sp:snow");

    private ActionCatalogue() {}
}
