package io.github.iscworkflows.workflow;

import java.util.regex.Pattern;

/**
 * Deploy-time placeholders: {@code ${parameter:NAME}} (a Parameter Storage id), {@code ${identity:NAME}}
 * (an identity id), {@code ${env.X}} and {@code ${project.property}}.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]+}");

    private Placeholders() {}

    /** Whether the whole value is one placeholder. */
    public static boolean isPlaceholder(String value) {
        return PLACEHOLDER.matcher(value.trim()).matches();
    }

    /** Whether the value contains a placeholder. */
    public static boolean containsPlaceholder(String value) {
        return value.contains("${") && PLACEHOLDER.matcher(value).find();
    }
}
