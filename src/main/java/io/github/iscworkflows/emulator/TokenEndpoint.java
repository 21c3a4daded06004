package io.github.iscworkflows.emulator;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /oauth/token} with the client credentials grant. The form may come as the body
 * ({@code application/x-www-form-urlencoded}), as query parameters, or with the client in an HTTP
 * Basic header.
 */
final class TokenEndpoint {

    private final String clientId;
    private final String clientSecret;
    private final TokenIssuer tokens;

    TokenEndpoint(String clientId, String clientSecret, TokenIssuer tokens) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
    }

    Route route() {
        return new Route("POST", "/oauth/token", Set.of(), this::token);
    }

    private Response token(Request request) {
        Map<String, String> form = new LinkedHashMap<>(request.query);
        if (request.contentType().equals("application/x-www-form-urlencoded")) {
            form.putAll(Request.parseForm(request.body));
        }

        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = request.headers.getFirst("Authorization");
        if (id == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decodeBasic(authorization.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon >= 0) {
                id = decoded.substring(0, colon);
                secret = decoded.substring(colon + 1);
            }
        }

        String grantType = form.get("grant_type");
        if (!"client_credentials".equals(grantType)) {
            JsonObject body = new JsonObject();
            body.addProperty("error", "unsupported_grant_type");
            body.addProperty("error_description", "Unsupported grant type: " + grantType + ". Use client_credentials.");
            return new Response(400, body, Map.of());
        }
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            throw ApiException.unauthorized("Bad client credentials");
        }

        JsonObject body = new JsonObject();
        body.addProperty("access_token", tokens.issue(id));
        body.addProperty("token_type", "bearer");
        body.addProperty("expires_in", tokens.lifetime().toSeconds());
        body.addProperty("scope", "sp:scopes:all");
        body.addProperty("tenant_id", "emulator");
        return Response.ok(body);
    }

    private static String decodeBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
