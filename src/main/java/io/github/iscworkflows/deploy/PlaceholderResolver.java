package io.github.iscworkflows.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.iscworkflows.client.IscException;
import io.github.iscworkflows.workflow.PositionedJson;
import io.github.iscworkflows.workflow.Problem;
import io.github.iscworkflows.workflow.Severity;
import io.github.iscworkflows.workflow.WorkflowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces placeholders in the string values of a workflow with values of the target tenant.
 *
 * <p>Forms: {@code ${parameter:NAME}} (the id of the Parameter Storage parameter named NAME),
 * {@code ${identity:NAME}} (the id of the identity named NAME), {@code ${env.NAME}} (an environment
 * variable) and {@code ${NAME}} for a Maven project or user property. The first three must resolve.
 * {@code ${NAME}} is replaced only when such a property exists and is otherwise left alone, because
 * e-mail templates in workflows use the same syntax for their own variables. {@code $${...}} writes a
 * literal {@code ${...}}. Placeholders may stand anywhere inside a string; the value stays a string.
 */
public final class PlaceholderResolver {

    /** Rule id of the plan problems this class reports. */
    public static final String RULE = "unresolved-placeholder";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([^{}]*)}");

    private final TenantLookups lookups;
    private final Map<String, String> properties;
    private final Map<String, String> environment;

    PlaceholderResolver(TenantLookups lookups, Map<String, String> properties, Map<String, String> environment) {
        this.lookups = lookups;
        this.properties = Map.copyOf(properties);
        this.environment = Map.copyOf(environment);
    }

    /**
     * Returns a deep copy of the source's workflow with every placeholder replaced; each placeholder that
     * cannot be resolved adds a problem at its place in the file.
     */
    JsonObject resolve(WorkflowSource source, List<Problem> problems) throws IscException {
        JsonObject copy = source.workflow().deepCopy();
        resolveChildren(copy, "", source, problems);
        return copy;
    }

    /**
     * Replaces the placeholders in one string, or returns null after adding a problem; {@code where}
     * names the setting in messages.
     */
    String resolveSetting(String value, String where, List<String> errors) throws IscException {
        List<String> failures = new ArrayList<>();
        String resolved = substitute(value, failures);
        for (String failure : failures) {
            errors.add(where + ": " + failure);
        }
        return failures.isEmpty() ? resolved : null;
    }

    private void resolveChildren(JsonElement element, String pointer, WorkflowSource source, List<Problem> problems)
            throws IscException {
        if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            for (String key : List.copyOf(object.keySet())) {
                String childPointer = pointer + "/" + PositionedJson.escape(key);
                JsonElement resolved = resolveValue(object.get(key), childPointer, source, problems);
                if (resolved != null) {
                    object.add(key, resolved);
                }
            }
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonElement resolved = resolveValue(array.get(i), pointer + "/" + i, source, problems);
                if (resolved != null) {
                    array.set(i, resolved);
                }
            }
        }
    }

    /** Returns the replacement for a string value, or null when the value stays as it is. */
    private JsonElement resolveValue(JsonElement value, String pointer, WorkflowSource source, List<Problem> problems)
            throws IscException {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            resolveChildren(value, pointer, source, problems);
            return null;
        }
        String text = value.getAsString();
        if (!text.contains("${")) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        String resolved = substitute(text, failures);
        for (String failure : failures) {
            problems.add(new Problem(
                    source.displayPath(),
                    source.positionOf(pointer),
                    Severity.ERROR,
                    RULE,
                    failure + " (in " + source.label() + " at " + pointer + ")"));
        }
        return resolved.equals(text) ? null : new JsonPrimitive(resolved);
    }

    private String substitute(String text, List<String> failures) throws IscException {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            last = matcher.end();
            String whole = matcher.group();
            if (whole.startsWith("$$")) {
                out.append(whole.substring(1));
                continue;
            }
            String replacement = valueOf(matcher.group(1), whole, failures);
            out.append(replacement != null ? replacement : whole);
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** The value of one placeholder expression, or null when it stays (unknown property, or a failure). */
    private String valueOf(String expression, String whole, List<String> failures) throws IscException {
        if (expression.startsWith("parameter:")) {
            TenantLookups.Lookup lookup = lookups.parameterByName(expression.substring("parameter:".length()));
            return idOrFailure(lookup, whole, failures);
        }
        if (expression.startsWith("identity:")) {
            TenantLookups.Lookup lookup = lookups.identityByName(expression.substring("identity:".length()));
            return idOrFailure(lookup, whole, failures);
        }
        if (expression.startsWith("env.")) {
            String name = expression.substring("env.".length());
            String value = environment.get(name);
            if (value == null) {
                failures.add("placeholder " + whole + ": the environment variable " + name
                        + " is not set. Set it before the build, or write the value itself.");
            }
            return value;
        }
        return properties.get(expression);
    }

    private static String idOrFailure(TenantLookups.Lookup lookup, String whole, List<String> failures) {
        if (lookup.error() != null) {
            failures.add("placeholder " + whole + ": " + lookup.error());
            return null;
        }
        return lookup.id();
    }
}
