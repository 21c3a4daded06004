package io.github.iscworkflows.references;

/** The fixes the reference goals suggest, kept in one place so that every message gives the same advice. */
public final class Remedies {

    /** The one manual step that creates a reference record. */
    public static final String TOGGLE_IN_UI = "open the workflow in the ISC UI, disable it and enable it once,"
            + " then rerun mvn verify (see docs/refid.md).";

    /** Replacing a tenant-specific parameter id by its name. */
    public static final String USE_PARAMETER_PLACEHOLDER = "replace the id in the source file with"
            + " ${parameter:NAME}, NAME being the parameter's name in this tenant's Parameter Storage, so that"
            + " isc:deploy resolves it per tenant; then deploy again.";

    /** A credential object that names no parameter. */
    public static final String CHOOSE_CREDENTIAL = "choose the credential of this step in the ISC UI and export"
            + " the workflow again, or set \"paramID\": \"${parameter:NAME}\" in the source file.";

    /** A token that may not read Parameter Storage. */
    public static final String GRANT_SCOPE = "give the API client the scope sp:parameter-storage:read (or"
            + " sp:parameter-storage:manage), or skip this part of the check with"
            + " <verifyReferences>false</verifyReferences> (-Disc.verifyReferences=false).";

    private Remedies() {}

    /** Builds the message for a credential object without {@code refID}. */
    public static String missingRefId(String paramId) {
        return "no refID, so ISC has no reference record linking parameter " + paramId + " to this workflow and"
                + " the step fails at run time with \"unexpected Parameter configuration\".";
    }
}
