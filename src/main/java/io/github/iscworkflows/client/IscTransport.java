package io.github.iscworkflows.client;

import io.github.iscworkflows.support.BuildLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Sends requests to one tenant: bearer token, client-side rate limit, retries, debug logging and
 * decoding of error responses.
 *
 * <p>Retry policy: 429 is retried for every method, after {@code Retry-After} or a backoff; 5xx and
 * failures after the request was sent are retried only for idempotent requests; failures to connect
 * are retried for every method because nothing reached the server. A 401 on an API call fetches a new
 * token once. Each request stops after {@code maxRetries} retries or {@code maxRetryTime} of waiting.
 */
final class IscTransport implements AutoCloseable {

    private final IscClientConfig config;
    private final CloseableHttpClient http;
    private final SecretMasker masker;
    private final ErrorDecoder errors;
    private final RetryPolicy retryPolicy;
    private final AccessTokenCache tokens;
    private final AtomicInteger requestCount = new AtomicInteger();
    /** Proxy authentication schemes that succeeded, reused by every request so a proxy challenges only once. */
    private final AuthCache authCache = new BasicAuthCache();
    /** Cancels each attempt that outlives {@code requestDeadline}; one daemon thread per client. */
    private final ScheduledThreadPoolExecutor deadlines;

    private final BuildLog log;
    private final FailureMessages messages;

    IscTransport(IscClientConfig config, SecretMasker masker) {
        this.config = config;
        this.masker = masker;
        this.log = config.log;
        this.errors = new ErrorDecoder(masker);
        this.messages = new FailureMessages(config, masker);
        this.retryPolicy = new RetryPolicy(config.random);
        this.http = HttpClientFactory.create(config, requestCount);
        this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "isc-request-deadline");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        this.tokens = new AccessTokenCache(new TokenRequest(this, config, masker), config.time);
        masker.add(config.clientSecret);
        if (config.proxy != null) {
            masker.add(config.proxy.password());
        }
    }

    int requestCount() {
        return requestCount.get();
    }

    ErrorDecoder errors() {
        return errors;
    }

    /** Sends a request, retrying as the class describes, and returns a 2xx response; redirects are refused. */
    HttpResult send(IscRequest request) throws IscException {
        long started = config.time.nanoTime();
        int retries = 0;
        boolean tokenRenewed = false;
        while (true) {
            String token = request.authenticated() ? tokens.token() : null;
            acquirePermit(request);
            HttpResult result;
            try {
                result = execute(request, token);
            } catch (IOException e) {
                boolean sent = !isConnectFailure(e);
                boolean retryable = !(e instanceof UnknownHostException)
                        && !(e instanceof SSLException)
                        && !(e instanceof ResponseLimitException.TooLarge);
                if (retryable && (request.idempotent() || !sent)) {
                    Duration delay = retryPolicy.backoff(retries);
                    if (mayRetry(retries, started, delay)) {
                        retries++;
                        log.info(retryLine(request, FailureMessages.describe(e), delay, retries));
                        pause(request, delay);
                        continue;
                    }
                }
                throw messages.transportFailure(request, e, retries + 1);
            }
            int status = result.status();
            if (status == 401 && request.authenticated() && !tokenRenewed) {
                tokenRenewed = true;
                tokens.invalidate(token);
                log.debug("ISC rejected the access token for " + request.method() + " " + request.path()
                        + "; fetching a new token and sending once more.");
                continue;
            }
            boolean retryableStatus = status == 429 || (request.idempotent() && isRetryableServerError(status));
            if (retryableStatus) {
                String retryAfterHeader = result.header("Retry-After");
                Duration retryAfter = RetryPolicy.parseRetryAfter(retryAfterHeader, config.time.now());
                Duration delay = retryAfter != null ? retryAfter : retryPolicy.backoff(retries);
                if (retryAfter != null && retries < config.maxRetries && !withinRetryTime(started, delay)) {
                    throw errors.decode(
                            request.method(),
                            request.path(),
                            result,
                            messages.retryAfterTooLong(retryAfterHeader.trim(), retries));
                }
                if (mayRetry(retries, started, delay)) {
                    retries++;
                    log.info(retryLine(request, ErrorDecoder.statusLine(status), delay, retries));
                    pause(request, delay);
                    continue;
                }
            }
            if (status >= 300 && status < 400) {
                throw messages.redirected(request, result);
            }
            if (status >= 400) {
                throw errors.decode(request.method(), request.path(), result, messages.hint(request, status, retries));
            }
            return result;
        }
    }

    private boolean mayRetry(int retries, long started, Duration delay) {
        if (retries >= config.maxRetries) {
            return false;
        }
        return withinRetryTime(started, delay);
    }

    /** Returns whether waiting {@code delay} more keeps the request within {@code maxRetryTime} of waiting. */
    private boolean withinRetryTime(long started, Duration delay) {
        Duration waited = Duration.ofNanos(config.time.nanoTime() - started);
        return waited.plus(delay).compareTo(config.maxRetryTime) <= 0;
    }

    private static boolean isRetryableServerError(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Returns whether the request failed before any byte reached the server, so that resending is safe. */
    static boolean isConnectFailure(IOException e) {
        return e instanceof ConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException;
    }

    private void acquirePermit(IscRequest request) throws IscException {
        if (config.rateLimiter == null) {
            return;
        }
        try {
            config.rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IscException(request.method() + " " + request.path() + " was interrupted.", 0);
        }
    }

    private void pause(IscRequest request, Duration delay) throws IscException {
        try {
            config.time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IscException(
                    request.method() + " " + request.path() + " was interrupted while waiting to retry.", 0);
        }
    }

    private HttpResult execute(IscRequest request, String token) throws IOException {
        URI uri = URI.create(config.baseUrl + request.encodedPathAndQuery());
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(request.method(), uri);
        httpRequest.addHeader("Accept", IscRequest.JSON);
        if (token != null) {
            httpRequest.addHeader("Authorization", "Bearer " + token);
        }
        if (request.body() != null) {
            httpRequest.setEntity(new StringEntity(
                    request.body(), ContentType.create(request.contentType(), StandardCharsets.UTF_8)));
        }
        long started = config.time.nanoTime();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    expired.set(true);
                    httpRequest.cancel();
                },
                config.requestDeadline.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            HttpClientContext context = HttpClientContext.create();
            context.setAuthCache(authCache);
            HttpResult result = http.execute(httpRequest, context, response -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : response.getHeaders()) {
                    headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                return new HttpResult(
                        response.getCode(),
                        headers,
                        ResponseBodies.read(response.getEntity(), config.maxResponseBytes));
            });
            logExchange(request, result, started);
            return result;
        } catch (IOException e) {
            IOException failure = expired.get() ? new ResponseLimitException.DeadlineExceeded() : e;
            if (log.isDebugEnabled()) {
                log.debug(masker.mask(request.method() + " " + request.display() + " -> "
                        + FailureMessages.describe(failure) + " after " + elapsedMillis(started) + " ms"));
            }
            throw failure;
        } finally {
            deadline.cancel(false);
        }
    }

    private void logExchange(IscRequest request, HttpResult result, long started) {
        if (!log.isDebugEnabled()) {
            return;
        }
        List<String> limits = new ArrayList<>();
        result.headers().forEach((name, value) -> {
            if (name.contains("ratelimit") || name.equals("retry-after")) {
                limits.add(name + ": " + value);
            }
        });
        String line = request.method() + " " + request.display() + " -> " + ErrorDecoder.statusLine(result.status())
                + " in " + elapsedMillis(started) + " ms" + (limits.isEmpty() ? "" : " " + limits);
        log.debug(masker.mask(line));
    }

    private long elapsedMillis(long started) {
        return Duration.ofNanos(config.time.nanoTime() - started).toMillis();
    }

    private String retryLine(IscRequest request, String reason, Duration delay, int retry) {
        return masker.mask("ISC " + request.method() + " " + request.path() + ": " + reason + "; retrying in "
                + seconds(delay) + " (retry " + retry + " of " + config.maxRetries + ").");
    }

    private static String seconds(Duration delay) {
        return String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            log.debug("Closing the HTTP client failed: " + masker.mask(e.getMessage()));
        }
    }
}
