package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Checks of the workflow object itself: {@code name}, {@code definition} and {@code enabled}. */
public final class WorkflowShapeRules implements WorkflowRule {

    public static final String NAME_MISSING = "name-missing";
    public static final String DEFINITION_MISSING = "definition-missing";
    public static final String ENABLED_IN_SOURCE = "enabled-in-source";

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        JsonObject workflow = checked.source().workflow();
        JsonElement name = workflow.get("name");
        if (name == null || name.isJsonNull()) {
            findings.error(
                    "",
                    NAME_MISSING,
                    "the workflow has no \"name\"; ISC requires one and deploy finds workflows by name."
                            + " Add \"name\": \"<unique name>\".");
        } else if (!name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
            findings.error(
                    "/name",
                    NAME_MISSING,
                    "\"name\" is not a string; ISC requires a text name and deploy finds workflows by name."
                            + " Write the name as a JSON string.");
        } else if (name.getAsString().isBlank()) {
            findings.error(
                    "/name",
                    NAME_MISSING,
                    "\"name\" is blank; ISC requires a name and deploy finds workflows by name. Give the"
                            + " workflow a unique name.");
        }

        JsonElement definition = workflow.get("definition");
        if (definition == null || definition.isJsonNull()) {
            findings.error(
                    "",
                    DEFINITION_MISSING,
                    "the workflow has no \"definition\"; without {\"start\", \"steps\"} there is nothing to run."
                            + " Export the workflow again or add the definition.");
        } else if (!definition.isJsonObject()) {
            findings.error(
                    "/definition",
                    DEFINITION_MISSING,
                    "\"definition\" is not an object; expected {\"start\": ..., \"steps\": {...}}.");
        }

        JsonElement enabled = workflow.get("enabled");
        if (enabled != null
                && enabled.isJsonPrimitive()
                && enabled.getAsJsonPrimitive().isBoolean()
                && enabled.getAsBoolean()) {
            findings.info(
                    "/enabled",
                    ENABLED_IN_SOURCE,
                    "\"enabled\": true is not sent on create (ISC creates workflows disabled); isc:enable"
                            + " enables the workflow after deploy.");
        }
    }
}
