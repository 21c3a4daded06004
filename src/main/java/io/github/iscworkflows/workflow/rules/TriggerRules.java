package io.github.iscworkflows.workflow.rules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.iscworkflows.workflow.Steps;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

/** Checks of {@code trigger}: its type and the attributes each type requires. */
public final class TriggerRules implements WorkflowRule {

    public static final String TRIGGER_MISSING = "trigger-missing";
    public static final String TRIGGER_TYPE_UNKNOWN = "trigger-type-unknown";
    public static final String TRIGGER_ATTRIBUTE_MISSING = "trigger-attribute-missing";
    public static final String FREQUENCY_INVALID = "trigger-frequency-invalid";
    public static final String CRON_INVALID = "cron-invalid";
    public static final String TIME_ZONE_UNKNOWN = "time-zone-unknown";

    /** Trigger types seen in real exports; {@code AccessRequestTrigger} is missing from ISC's API enum. */
    static final Set<String> KNOWN_TYPES = Set.of("EVENT", "EXTERNAL", "SCHEDULED", "AccessRequestTrigger");

    /** Values of {@code frequency} in ISC's API reference. */
    static final Set<String> FREQUENCIES = Set.of("daily", "weekly", "monthly", "yearly", "cronSchedule");

    @Override
    public void check(CheckedWorkflow checked, Findings findings) {
        JsonElement triggerElement = checked.source().workflow().get("trigger");
        if (triggerElement == null || triggerElement.isJsonNull()) {
            findings.error(
                    "",
                    TRIGGER_MISSING,
                    "the workflow has no \"trigger\"; ISC cannot start it. Add a trigger such as"
                            + " {\"type\": \"EXTERNAL\", \"attributes\": {}}.");
            return;
        }
        if (!triggerElement.isJsonObject()) {
            findings.error(
                    "/trigger",
                    TRIGGER_MISSING,
                    "\"trigger\" is not an object; expected {\"type\": ..., \"attributes\": {...}}.");
            return;
        }
        JsonObject trigger = triggerElement.getAsJsonObject();
        String type = Steps.stringOf(trigger, "type");
        if (type == null || type.isBlank()) {
            findings.error(
                    "/trigger",
                    TRIGGER_MISSING,
                    "the trigger has no \"type\"; ISC cannot start the workflow. Set \"type\" to EVENT,"
                            + " EXTERNAL or SCHEDULED.");
            return;
        }
        if (!KNOWN_TYPES.contains(type)) {
            findings.warn(
                    "/trigger/type",
                    TRIGGER_TYPE_UNKNOWN,
                    "trigger type '" + type + "' is not one of EVENT, EXTERNAL, SCHEDULED, AccessRequestTrigger;"
                            + " ISC may reject it. Check the spelling (types are case-sensitive).");
            return;
        }
        JsonElement attributesElement = trigger.get("attributes");
        JsonObject attributes = attributesElement != null && attributesElement.isJsonObject()
                ? attributesElement.getAsJsonObject()
                : null;
        if (type.equals("EVENT")) {
            checkEvent(attributes, findings);
        } else if (type.equals("SCHEDULED")) {
            checkScheduled(attributes, findings);
        }
    }

    private static void checkEvent(JsonObject attributes, Findings findings) {
        String id = Steps.stringOf(attributes, "id");
        if (id == null || id.isBlank()) {
            findings.error(
                    attributes == null ? "/trigger" : "/trigger/attributes",
                    TRIGGER_ATTRIBUTE_MISSING,
                    "the EVENT trigger has no attributes.id; ISC needs the event trigger id (for example"
                            + " idn:identity-attributes-changed). Add \"id\" under trigger.attributes.");
        }
    }

    private static void checkScheduled(JsonObject attributes, Findings findings) {
        String frequency = Steps.stringOf(attributes, "frequency");
        if (frequency == null || frequency.isBlank()) {
            findings.error(
                    attributes == null ? "/trigger" : "/trigger/attributes",
                    TRIGGER_ATTRIBUTE_MISSING,
                    "the SCHEDULED trigger has no attributes.frequency; ISC requires it. Set it to daily,"
                            + " weekly, monthly, yearly or cronSchedule.");
        } else if (!FREQUENCIES.contains(frequency)) {
            findings.error(
                    "/trigger/attributes/frequency",
                    FREQUENCY_INVALID,
                    "frequency '" + frequency + "' is not one of daily, weekly, monthly, yearly, cronSchedule."
                            + " Use one of those (case-sensitive).");
        }
        String cron = Steps.stringOf(attributes, "cronString");
        if ("cronSchedule".equals(frequency) && (cron == null || cron.isBlank())) {
            findings.error(
                    "/trigger/attributes",
                    TRIGGER_ATTRIBUTE_MISSING,
                    "frequency cronSchedule needs attributes.cronString; add a five-field cron expression"
                            + " such as \"0 9 * * 1\" (09:00 every Monday).");
        } else if (cron != null && !cron.isBlank()) {
            String fault = CronExpression.check(cron);
            if (fault != null) {
                findings.error(
                        "/trigger/attributes/cronString",
                        CRON_INVALID,
                        "cronString '" + cron + "' " + fault + ". Write minute hour day-of-month month"
                                + " day-of-week, for example \"0 9 * * 1\".");
            }
        }
        String zone = Steps.stringOf(attributes, "timeZone");
        if (zone != null && !zone.isBlank()) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                findings.error(
                        "/trigger/attributes/timeZone",
                        TIME_ZONE_UNKNOWN,
                        "timeZone '" + zone + "' is not a known time zone id. Use an IANA id such as"
                                + " \"Europe/Paris\" or \"America/Chicago\".");
            }
        }
    }
}
