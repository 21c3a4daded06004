package io.github.iscworkflows.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Replaces known secrets (client secret, access tokens, proxy password) and anything shaped like a
 * bearer token or a form-encoded secret with {@value #MASK} in text that is logged or put in an
 * exception.
 */
public final class SecretMasker {

    static final String MASK = "****";

    /** Secrets shorter than this are not masked, because masking them would garble ordinary text. */
    private static final int MIN_SECRET_LENGTH = 4;

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("(?i)((?:client_secret|access_token|refresh_token|password)=)[^&\\s\"]+"),
            Pattern.compile(
                    "(?i)(\"(?:client_secret|access_token|refresh_token|password|clientSecret)\"\\s*:\\s*\")[^\"]*"));

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** Adds a value to mask from now on; null and very short values are ignored. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
            secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    /** Returns {@code text} with every known secret and secret-shaped value replaced. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        for (Pattern shape : SHAPES) {
            masked = shape.matcher(masked).replaceAll("$1" + MASK);
        }
        return masked;
    }
}
