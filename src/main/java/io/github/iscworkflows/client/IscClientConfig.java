package io.github.iscworkflows.client;

import io.github.iscworkflows.support.BuildLog;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything an {@link IscClient} needs: tenant, credentials, timeouts, retry limits, proxy, log and,
 * for tests, the clock and the rate limiter. Build with {@link #builder}.
 */
public final class IscClientConfig {

    /** Total time spent waiting between retries of one request before the client gives up. */
    public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofMinutes(5);

    /** The largest response body the client reads: far above any ISC answer, far below the heap of a build. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    final URI baseUrl;
    final String apiVersion;
    final String clientId;
    final String clientSecret;
    final Duration connectTimeout;
    final Duration responseTimeout;
    final Duration requestDeadline;
    final long maxResponseBytes;
    final int maxRetries;
    final Duration maxRetryTime;
    final ProxyConfig proxy;
    final BuildLog log;
    final ClientTime time;
    final DoubleSupplier random;
    final RequestRateLimiter rateLimiter;

    private IscClientConfig(Builder b) {
        String url = Objects.requireNonNull(b.url, "url");
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.baseUrl = URI.create(url);
        this.apiVersion = Objects.requireNonNull(b.apiVersion, "apiVersion");
        this.clientId = Objects.requireNonNull(b.clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.requestDeadline = b.requestDeadline != null ? b.requestDeadline : b.connectTimeout.plus(b.responseTimeout);
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxRetries = Math.max(0, b.maxRetries);
        this.maxRetryTime = b.maxRetryTime;
        this.proxy = b.proxy;
        this.log = b.log;
        this.time = b.time;
        this.random = b.random;
        this.rateLimiter = b.rateLimiter != null ? b.rateLimiter : defaultLimiter(baseUrl, clientId);
    }

    /**
     * Returns the limiter for a tenant, shared by every client with the same client id and host. Loopback
     * hosts (the emulator, test servers) get no client-side limit, because ISC's limit does not apply.
     */
    private static RequestRateLimiter defaultLimiter(URI baseUrl, String clientId) {
        if (LoopbackHosts.isLoopback(baseUrl.getHost())) {
            return null;
        }
        return RequestRateLimiter.shared(clientId + "@" + baseUrl.getHost());
    }

    public static Builder builder(String url, String clientId, String clientSecret) {
        return new Builder(url, clientId, clientSecret);
    }

    /** Settings for {@link IscClientConfig}; defaults suit a slow tenant. */
    public static final class Builder {
        private final String url;
        private final String clientId;
        private final String clientSecret;
        private String apiVersion = "v2025";
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration responseTimeout = Duration.ofSeconds(120);
        private Duration requestDeadline;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxRetries = 5;
        private Duration maxRetryTime = DEFAULT_MAX_RETRY_TIME;
        private ProxyConfig proxy;
        private BuildLog log = BuildLog.silent();
        private ClientTime time = ClientTime.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private RequestRateLimiter rateLimiter;

        private Builder(String url, String clientId, String clientSecret) {
            this.url = url;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        public Builder apiVersion(String value) {
            this.apiVersion = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder responseTimeout(Duration value) {
            this.responseTimeout = value;
            return this;
        }

        /**
         * Upper bound on one attempt as a whole, from connecting to reading the last byte of the response;
         * the attempt is cancelled when it is reached. Defaults to the connect timeout plus the response
         * timeout, so a server that sends its answer a byte at a time cannot hold a request for ever.
         */
        public Builder requestDeadline(Duration value) {
            this.requestDeadline = value;
            return this;
        }

        /** The largest response body the client reads; a larger one fails the request. */
        public Builder maxResponseBytes(long value) {
            this.maxResponseBytes = value;
            return this;
        }

        /** Retries per request after 429, 5xx and connection errors; 0 disables retries. */
        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        /** Upper bound on the time one request spends waiting between its retries. */
        public Builder maxRetryTime(Duration value) {
            this.maxRetryTime = value;
            return this;
        }

        public Builder proxy(ProxyConfig value) {
            this.proxy = value;
            return this;
        }

        public Builder log(BuildLog value) {
            this.log = value;
            return this;
        }

        public Builder time(ClientTime value) {
            this.time = value;
            return this;
        }

        /** Source of random numbers in [0, 1) for the backoff jitter. */
        public Builder random(DoubleSupplier value) {
            this.random = value;
            return this;
        }

        /** Sets a limiter to use in place of the shared one for this client id and host. */
        public Builder rateLimiter(RequestRateLimiter value) {
            this.rateLimiter = value;
            return this;
        }

        public IscClientConfig build() {
            return new IscClientConfig(this);
        }
    }
}
