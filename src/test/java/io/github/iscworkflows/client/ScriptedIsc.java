package io.github.iscworkflows.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that plays an ISC tenant from a script: token requests get tokens
 * ({@code token-1}, {@code token-2}, ...) unless token responses are queued, API requests get the queued
 * responses in order, and an unscripted API request gets 418 so that a test fails fast instead of waiting.
 */
final class ScriptedIsc extends Dispatcher {

    private final Deque<MockResponse> tokenResponses = new ArrayDeque<>();
    private final Deque<Function<RecordedRequest, MockResponse>> apiResponses = new ArrayDeque<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private int tokensIssued;

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        if (request.getUrl().encodedPath().equals("/oauth/token")) {
            if (!tokenResponses.isEmpty()) {
                return tokenResponses.poll();
            }
            tokensIssued++;
            return json(
                    200,
                    "{\"access_token\":\"token-" + tokensIssued + "\",\"token_type\":\"bearer\","
                            + "\"expires_in\":749}");
        }
        Function<RecordedRequest, MockResponse> next = apiResponses.poll();
        if (next == null) {
            return json(418, "{\"detailCode\":\"unscripted request " + request.getRequestLine() + "\"}");
        }
        return next.apply(request);
    }

    synchronized ScriptedIsc token(MockResponse response) {
        tokenResponses.add(response);
        return this;
    }

    synchronized ScriptedIsc then(MockResponse response) {
        apiResponses.add(request -> response);
        return this;
    }

    synchronized ScriptedIsc then(Function<RecordedRequest, MockResponse> responder) {
        apiResponses.add(responder);
        return this;
    }

    /** Every request received, token requests included, in arrival order. */
    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The API requests received, without token requests. */
    List<RecordedRequest> apiRequests() {
        return requests().stream()
                .filter(r -> !r.getUrl().encodedPath().equals("/oauth/token"))
                .toList();
    }

    List<String> apiRequestLines() {
        return apiRequests().stream().map(RecordedRequest::getRequestLine).toList();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
