package io.github.iscworkflows.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Fetches an access token with the OAuth 2.0 client-credentials grant ({@code POST /oauth/token}). */
final class TokenRequest implements AccessTokenCache.Fetcher {

    static final String PATH = "/oauth/token";

    /** Lifetime assumed when the token response has no {@code expires_in}. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final IscTransport transport;
    private final IscClientConfig config;
    private final SecretMasker masker;

    TokenRequest(IscTransport transport, IscClientConfig config, SecretMasker masker) {
        this.transport = transport;
        this.config = config;
        this.masker = masker;
    }

    @Override
    public AccessTokenCache.Grant fetch() throws IscException {
        String form = "grant_type=client_credentials&client_id=" + IscRequest.encode(config.clientId)
                + "&client_secret=" + IscRequest.encode(config.clientSecret);
        // Fetching a token changes nothing on the server, so it is retried like a read.
        IscRequest request = new IscRequest("POST", PATH, List.of(), form, IscRequest.FORM, false, true);
        HttpResult result;
        try {
            result = transport.send(request);
        } catch (IscException e) {
            if (e.status() == 400 || e.status() == 401) {
                throw new TokenRequestException(
                        e.getMessage() + ". Check the client id and secret (<clientId>/<clientSecret>, "
                                + "-Disc.clientId/-Disc.clientSecret, the settings.xml server of <serverId>, or "
                                + "SAIL_CLIENT_ID/SAIL_CLIENT_SECRET) and that the API client exists on this tenant.",
                        e);
            }
            throw new TokenRequestException(e.getMessage(), e);
        }
        JsonObject body = parseObject(request, result);
        JsonElement token = body.get("access_token");
        if (token == null || !token.isJsonPrimitive() || token.getAsString().isBlank()) {
            throw new TokenRequestException(
                    "POST " + PATH + " returned " + ErrorDecoder.statusLine(result.status())
                            + " without an access_token; the url may not point at an ISC tenant API (" + config.baseUrl
                            + ").",
                    result.status());
        }
        String value = token.getAsString();
        masker.add(value);
        return new AccessTokenCache.Grant(value, lifetime(body));
    }

    private JsonObject parseObject(IscRequest request, HttpResult result) throws IscException {
        try {
            JsonElement body = JsonBodies.parse(result.body());
            if (body.isJsonObject()) {
                return body.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // reported below with an excerpt of the body
        }
        IscException unreadable =
                transport.errors().unreadableBody(request.method(), PATH, result, "a JSON token response");
        throw new TokenRequestException(unreadable.getMessage(), unreadable);
    }

    private static Duration lifetime(JsonObject body) {
        JsonElement expiresIn = body.get("expires_in");
        if (expiresIn == null || !expiresIn.isJsonPrimitive()) {
            return DEFAULT_LIFETIME;
        }
        try {
            // Compared as a decimal, because Gson wraps numbers beyond a long around (1e30 can read as negative).
            BigDecimal seconds = expiresIn.getAsBigDecimal();
            if (seconds.signum() <= 0) {
                return DEFAULT_LIFETIME;
            }
            BigDecimal longest = BigDecimal.valueOf(AccessTokenCache.MAX_LIFETIME.toSeconds());
            return seconds.compareTo(longest) > 0
                    ? AccessTokenCache.MAX_LIFETIME
                    : Duration.ofSeconds(seconds.longValue());
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME;
        }
    }
}
