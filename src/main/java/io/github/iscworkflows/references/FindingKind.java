package io.github.iscworkflows.references;

/** The kinds of problems the reference gate reports, with whether each one fails the gate. */
public enum FindingKind {
    /** A credential object without {@code refID}: ISC has no reference record, the step fails at run time. */
    MISSING_REF_ID("missing-ref-id", true),
    /** A {@code param_*} object without {@code paramID}: it names no parameter. */
    MISSING_PARAM_ID("missing-param-id", true),
    /** {@code paramID} names no parameter on this tenant, typically a file exported from another tenant. */
    UNKNOWN_PARAMETER("unknown-parameter", true),
    /** {@code refID} is not among the parameter's reference records: copied or stale. */
    REFERENCE_NOT_FOUND("reference-not-found", true),
    /** {@code refID} is a reference record of another workflow: copied. */
    REFERENCE_OF_OTHER_WORKFLOW("reference-of-other-workflow", true),
    /** A workflow the selection named is gone from the tenant. */
    WORKFLOW_NOT_FOUND("workflow-not-found", true),
    /** Reference records could not be read, typically a token without the Parameter Storage scope. */
    VERIFICATION_UNAVAILABLE("verification-unavailable", true),
    /** The reference record exists but has no {@code usageHint}, so its owner is unknown. */
    REFERENCE_OWNER_UNKNOWN("reference-owner-unknown", false),
    /**
     * The reference record's {@code usageHint} is present but holds no readable {@code workflowId}: the gate
     * cannot confirm the owner, and a record in that state was not written by ISC for this workflow.
     */
    REFERENCE_OWNER_UNREADABLE("reference-owner-unreadable", true),
    /** A legacy inline credential whose secret reads back empty or null. */
    EMPTY_INLINE_SECRET("empty-inline-secret", false),
    /** A {@code $.secrets.*} reference, which the public API offers no way to check. */
    SECRET_NOT_VERIFIABLE("secret-not-verifiable", false),
    /** Reference records were not checked because the user switched the check off. */
    VERIFICATION_OFF("verification-off", false);

    private final String id;
    private final boolean failure;

    FindingKind(String id, boolean failure) {
        this.id = id;
        this.failure = failure;
    }

    /** Returns the kebab-case id used in reports. */
    public String id() {
        return id;
    }

    /** Returns whether the finding fails the gate (with {@code failOn=missing}); otherwise it is a warning. */
    public boolean isFailure() {
        return failure;
    }
}
