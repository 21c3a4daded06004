package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.support.LogText;

/** Checks of the workflow object itself: {@code name}, {@code definition} and {@code enabled}. */
public final class WorkflowShapeRules implements WorkflowRule {

    public static final String NAME_MISSING = "name-missing";
    public static final String NAME_INVALID = "name-invalid";
    public static final String NAME_WHITESPACE = "name-whitespace";
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
        } else {
            checkNameCharacters(name.getAsString(), findings);
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

    /** Control characters split log lines and names; surrounding whitespace makes names hard to match. */
    private static void checkNameCharacters(String name, Findings findings) {
        int control = firstControlCharacter(name);
        if (control >= 0) {
            findings.error(
                    "/name",
                    NAME_INVALID,
                    "workflow name " + LogText.quote(name) + " contains "
                            + String.format("U+%04X", (int) name.charAt(control)) + " at index " + control
                            + ", a control or line-break character; a name is one line of text, and a newline splits every log line that shows it."
                            + " Remove the character.");
        } else if (!name.strip().equals(name)) {
            findings.warn(
                    "/name",
                    NAME_WHITESPACE,
                    "workflow name " + LogText.quote(name) + " starts or ends with whitespace; ISC keeps it,"
                            + " so <workflows> (-Disc.workflows) and the UI search must include it too. Remove"
                            + " the leading and trailing whitespace.");
        }
    }

    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (LogText.isEscaped(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
