package io.github.iscworkflows.workflow;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps literal secrets of workflow files ({@link SecretFields#isLiteralSecret}) out of what the plugin
 * shows and stores: {@value #MASK} in logs, diffs and reports, {@code null} in files such as backups and
 * exports (ISC's own exports carry {@code null} there too). References to secrets stay as they are.
 */
public final class SecretMasking {

    /** The text that stands for a literal secret in logs, diffs and reports. */
    public static final String MASK = "****";

    /** The text that stands for a changed literal secret on the new side of a diff. */
    public static final String MASK_CHANGED = "**** (changed)";

    /** Secrets shorter than this are left in free text, because masking them would garble ordinary words. */
    private static final int MIN_TEXT_SECRET_LENGTH = 4;

    private SecretMasking() {}

    /** Returns a copy of {@code element} with every literal secret replaced by {@code null}, for files. */
    public static <T extends JsonElement> T withoutSecrets(T element) {
        @SuppressWarnings("unchecked")
        T copy = (T) element.deepCopy();
        replaceSecrets(copy, JsonNull.INSTANCE);
        return copy;
    }

    /** Returns a copy of {@code element} with every literal secret replaced by {@value #MASK}, for logs and reports. */
    public static <T extends JsonElement> T masked(T element) {
        @SuppressWarnings("unchecked")
        T copy = (T) element.deepCopy();
        replaceSecrets(copy, new JsonPrimitive(MASK));
        return copy;
    }

    /**
     * Masks two versions of one workflow in place for a diff: every literal secret becomes {@value #MASK},
     * and on the {@code after} side {@value #MASK_CHANGED} where both sides hold a different literal at the
     * same place, so that the diff still shows the change without the values.
     */
    public static void maskForDiff(JsonElement before, JsonElement after) {
        if (after != null && after.isJsonObject()) {
            JsonObject afterObject = after.getAsJsonObject();
            JsonObject beforeObject = before != null && before.isJsonObject() ? before.getAsJsonObject() : null;
            for (Map.Entry<String, JsonElement> entry : afterObject.entrySet()) {
                String key = entry.getKey();
                JsonElement old = beforeObject == null ? null : beforeObject.get(key);
                if (SecretFields.isCredentialObject(key)) {
                    continue;
                }
                if (SecretFields.isLiteralSecret(key, entry.getValue())) {
                    boolean changed = SecretFields.isLiteralSecret(key, old) && !old.equals(entry.getValue());
                    entry.setValue(new JsonPrimitive(changed ? MASK_CHANGED : MASK));
                } else {
                    maskForDiff(old, entry.getValue());
                }
            }
        } else if (after != null && after.isJsonArray()) {
            List<JsonElement> afterItems = after.getAsJsonArray().asList();
            List<JsonElement> beforeItems = before != null && before.isJsonArray()
                    ? before.getAsJsonArray().asList()
                    : List.of();
            for (int i = 0; i < afterItems.size(); i++) {
                maskForDiff(i < beforeItems.size() ? beforeItems.get(i) : null, afterItems.get(i));
            }
        }
        if (before != null) {
            replaceSecrets(before, new JsonPrimitive(MASK));
        }
    }

    /**
     * Puts the tenant's literal secrets into {@code body} where the body has {@code null} at the same place,
     * as an exported file has: deploying an export must not wipe a secret the file cannot carry.
     */
    public static void carryOver(JsonElement body, JsonElement remote) {
        if (body == null || remote == null) {
            return;
        }
        if (body.isJsonObject() && remote.isJsonObject()) {
            JsonObject remoteObject = remote.getAsJsonObject();
            for (Map.Entry<String, JsonElement> entry : body.getAsJsonObject().entrySet()) {
                JsonElement tenantValue = remoteObject.get(entry.getKey());
                if (SecretFields.isCredentialObject(entry.getKey())) {
                    continue;
                }
                if (entry.getValue().isJsonNull()) {
                    if (SecretFields.isLiteralSecret(entry.getKey(), tenantValue)) {
                        entry.setValue(tenantValue.deepCopy());
                    }
                } else {
                    carryOver(entry.getValue(), tenantValue);
                }
            }
        } else if (body.isJsonArray() && remote.isJsonArray()) {
            List<JsonElement> bodyItems = body.getAsJsonArray().asList();
            List<JsonElement> remoteItems = remote.getAsJsonArray().asList();
            for (int i = 0; i < Math.min(bodyItems.size(), remoteItems.size()); i++) {
                carryOver(bodyItems.get(i), remoteItems.get(i));
            }
        }
    }

    /** The literal secret strings in {@code element}, for masking free text such as an error message. */
    public static Set<String> literalValues(JsonElement element) {
        Set<String> values = new LinkedHashSet<>();
        collect(element, values);
        return values;
    }

    /** {@code text} with each of {@code secrets} replaced by {@value #MASK}, longest first. */
    public static String maskText(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty() || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        List<String> longestFirst = secrets.stream()
                .filter(s -> s.length() >= MIN_TEXT_SECRET_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : longestFirst) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static void replaceSecrets(JsonElement element, JsonElement replacement) {
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry :
                    element.getAsJsonObject().entrySet()) {
                if (SecretFields.isCredentialObject(entry.getKey())) {
                    continue;
                }
                if (SecretFields.isLiteralSecret(entry.getKey(), entry.getValue())) {
                    entry.setValue(replacement.deepCopy());
                } else {
                    replaceSecrets(entry.getValue(), replacement);
                }
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> replaceSecrets(item, replacement));
        }
    }

    private static void collect(JsonElement element, Set<String> values) {
        if (element == null) {
            return;
        }
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry :
                    element.getAsJsonObject().entrySet()) {
                JsonElement value = entry.getValue();
                if (SecretFields.isCredentialObject(entry.getKey())) {
                    continue;
                }
                if (SecretFields.isLiteralSecret(entry.getKey(), value)) {
                    values.add(value.isJsonPrimitive() ? value.getAsString() : value.toString());
                } else {
                    collect(value, values);
                }
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> collect(item, values));
        }
    }
}
