package io.github.iscworkflows.emulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Issues opaque access tokens and resolves them to the client id they were issued to. */
final class TokenIssuer {

    /** A token's owner and expiry ({@link System#nanoTime()} based). */
    private record Issued(String clientId, long expiresAtNanos) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Duration lifetime;

    TokenIssuer(Duration lifetime) {
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    String issue(String clientId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Issued(clientId, System.nanoTime() + lifetime.toNanos()));
        return token;
    }

    /**
     * Returns the client id of a valid token.
     *
     * @throws ApiException 401 when the header is missing, not a bearer token, unknown or expired
     */
    String authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("Authorization header is missing: send 'Authorization: Bearer <token>'.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("Authorization header is not a bearer token.");
        }
        String token = authorization.substring(7).trim();
        Issued issued = tokens.get(token);
        if (issued == null) {
            throw ApiException.unauthorized("JWT validation failed: token is not valid");
        }
        if (System.nanoTime() - issued.expiresAtNanos() >= 0) {
            tokens.remove(token);
            throw ApiException.unauthorized("JWT validation failed: JWT is expired");
        }
        return issued.clientId();
    }
}
