package io.github.iscworkflows.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for tests: fetches a token once and sends JSON to one emulator. */
final class EmulatorClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private String token;

    EmulatorClient(IscEmulator emulator) {
        this.base = emulator.url();
    }

    String url() {
        return base;
    }

    /** POST /oauth/token with a form body; returns the raw response. */
    HttpResponse<String> requestToken(String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + clientSecret;
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    String token() {
        if (token == null) {
            HttpResponse<String> response = requestToken("emulator", "emulator");
            token = JsonParser.parseString(response.body())
                    .getAsJsonObject()
                    .get("access_token")
                    .getAsString();
        }
        return token;
    }

    HttpResponse<String> get(String path) {
        return send(authorized(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String jsonPatch) {
        return send(authorized(path)
                .header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonPatch)));
    }

    HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE());
    }

    /** Sends a request to an emulator-only endpoint, without token. */
    HttpResponse<String> control(String method, String path, String json) {
        HttpRequest.BodyPublisher body =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body));
    }

    HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token());
    }

    static JsonObject object(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static JsonObject object(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    static JsonArray array(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonArray();
    }

    static JsonElement json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body());
    }

    /** Returns the first message text of an ISC error body. */
    static String errorText(HttpResponse<String> response) {
        return object(response)
                .getAsJsonArray("messages")
                .get(0)
                .getAsJsonObject()
                .get("text")
                .getAsString();
    }
}
