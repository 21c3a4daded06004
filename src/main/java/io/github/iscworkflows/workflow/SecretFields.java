package io.github.iscworkflows.workflow;

import com.google.gson.JsonElement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for secrets in workflows: the keys that hold them, and the values that are references rather
 * than the secret itself. Validation uses the inline credential fields; deploy and export mask every secret key.
 */
public final class SecretFields {

    /** Inline secret fields of ISC actions; any attribute whose name contains "secret" or "password" also counts. */
    public static final Set<String> INLINE_SECRET_FIELDS =
            Set.of("oAuthClientSecret", "basicAuthPassword", "bearerToken", "apiKey");

    /**
     * Further keys, in lower case, whose values are secrets wherever they appear in a workflow: Parameter
     * Storage's encrypted {@code privateFields}, tokens and API keys in request bodies, and HTTP headers
     * that carry credentials.
     */
    private static final Set<String> OTHER_SECRET_KEYS = Set.of(
            "privatefields",
            "token",
            "accesstoken",
            "access_token",
            "refreshtoken",
            "refresh_token",
            "idtoken",
            "id_token",
            "api_key",
            "apitoken",
            "api_token",
            "authorization",
            "proxy-authorization",
            "x-api-key",
            "privatekey",
            "private_key");

    /** Keys whose value is a secret whatever its JSON type, not only when it is a string. */
    private static final Set<String> WHOLE_VALUE_KEYS = Set.of("privatefields");

    private static final Pattern VAULT_REFERENCE = Pattern.compile("\\$\\.secrets\\.[A-Za-z0-9-]+");

    private SecretFields() {}

    /**
     * Whether an action attribute is an inline credential secret: one of {@link #INLINE_SECRET_FIELDS}, or a
     * name containing "secret" or "password" that is neither a {@code param_*} object nor a JSONPath key
     * ({@code name.$}).
     */
    public static boolean isInlineSecretField(String key) {
        if (INLINE_SECRET_FIELDS.contains(key)) {
            return true;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        return !key.startsWith("param_")
                && !key.endsWith(".$")
                && (lower.contains("secret") || lower.contains("password"));
    }

    /** Whether a key anywhere in a workflow names a secret: an inline secret field or another credential key. */
    public static boolean isSecretKey(String key) {
        return isInlineSecretField(key) || !key.endsWith(".$") && OTHER_SECRET_KEYS.contains(lower(key));
    }

    /**
     * Whether the value of a secret key is the secret itself and must not be shown or stored: anything but
     * null, an empty string, or a reference ({@link #isReference}). Keys matched only by a word such as
     * "password" count only with a string value, since they may name settings ({@code passwordPolicies}).
     */
    public static boolean isLiteralSecret(String key, JsonElement value) {
        if (!isSecretKey(key) || value == null || value.isJsonNull()) {
            return false;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String text = value.getAsString();
            return !text.isEmpty() && !isReference(text) && !containsReference(text);
        }
        return INLINE_SECRET_FIELDS.contains(key) || WHOLE_VALUE_KEYS.contains(lower(key));
    }

    /**
     * Whether the value of {@code key} is a Parameter Storage credential object ({@code param_*}), whose
     * {@code mapping} names the parameter's fields ({@code "auth_client_secret": "clientSecret"}) and holds
     * no secret, so masking does not look inside it.
     */
    public static boolean isCredentialObject(String key) {
        return key.startsWith("param_");
    }

    /**
     * Whether a secret field's value is a reference rather than the secret: a vault reference
     * {@code $.secrets.<id>}, a deploy-time placeholder, or the output of an earlier step
     * ({@code $.getToken.body.token} or a {@code {{$...}}} template).
     */
    public static boolean isReference(String value) {
        String trimmed = value.trim();
        return VAULT_REFERENCE.matcher(trimmed).matches()
                || Placeholders.isPlaceholder(trimmed)
                || trimmed.startsWith("$.")
                || trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("}}") == trimmed.length() - 2;
    }

    /**
     * Whether a value is built from a reference, as in {@code Bearer {{$.getToken.body.access_token}}} or
     * {@code Bearer ${env.TOKEN}}: the file then holds no secret, and a resolved placeholder is masked by key.
     */
    private static boolean containsReference(String value) {
        return value.contains("{{") || Placeholders.containsPlaceholder(value);
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
