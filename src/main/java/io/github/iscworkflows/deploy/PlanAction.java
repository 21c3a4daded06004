package io.github.iscworkflows.deploy;

/** Planned action for one workflow. */
public enum PlanAction {
    /** No workflow of that name on the tenant: POST it. */
    CREATE("create"),
    /** The tenant's workflow differs from the source: PUT the full body. */
    UPDATE("update"),
    /** Equal after normalising: no request. */
    UNCHANGED("unchanged"),
    /** Several workflows on the tenant share the name, so the target is ambiguous: nothing is written. */
    CONFLICT("conflict"),
    /**
     * The tenant could not be searched for this workflow after its listing broke, or prune could not run
     * without that listing: nothing is written, and the workflow counts as failed.
     */
    UNRESOLVED("unresolved"),
    /** A tenant workflow matching the prune patterns with no local file: disable and DELETE it. */
    PRUNE("prune");

    private final String label;

    PlanAction(String label) {
        this.label = label;
    }

    /** The lower-case word used in logs and reports. */
    public String label() {
        return label;
    }
}
