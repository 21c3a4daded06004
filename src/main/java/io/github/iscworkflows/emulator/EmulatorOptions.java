package io.github.iscworkflows.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one emulator instance. Build with {@link #builder()}; every setting has a default.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free port
 * @param clientId the only client id the token endpoint accepts
 * @param clientSecret the secret of {@code clientId}
 * @param referenceMode when references are created; null takes the seed file's {@code mode}, else
 *     {@link ReferenceMode#NEVER}
 * @param stateFile seed JSON read at start, or null for an empty tenant
 * @param dumpFile file the state is written to on stop, or null
 * @param rateLimit requests allowed per client id and API version in each {@code rateLimitWindow};
 *     0 switches the limit off
 * @param rateLimitWindow length of one rate limit window
 * @param tokenLifetime how long an access token stays valid
 * @param threads size of the request thread pool
 * @param maxOffset the offset ceiling of {@code GET /workflows} and the Parameter Storage search: a request
 *     with an {@code offset} at or beyond it gets 400, as on large tenants; 0 switches the ceiling off
 */
public record EmulatorOptions(
        int port,
        String clientId,
        String clientSecret,
        ReferenceMode referenceMode,
        Path stateFile,
        Path dumpFile,
        int rateLimit,
        Duration rateLimitWindow,
        Duration tokenLifetime,
        int threads,
        int maxOffset) {

    public static final String DEFAULT_CLIENT_ID = "emulator";
    public static final String DEFAULT_CLIENT_SECRET = "emulator";
    public static final int DEFAULT_RATE_LIMIT = 100;
    public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);

    public EmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid emulator port " + port + ": use 0 (any free port) to 65535.");
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (rateLimit < 0) {
            throw new IllegalArgumentException("Invalid rate limit " + rateLimit + ": use 0 (off) or more.");
        }
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (threads < 1) {
            throw new IllegalArgumentException("Invalid thread count " + threads + ": use 1 or more.");
        }
        if (maxOffset < 0) {
            throw new IllegalArgumentException("Invalid maximum offset " + maxOffset + ": use 0 (off) or more.");
        }
    }

    /** The defaults: free port, {@code emulator}/{@code emulator}, 100 requests per 10 s. */
    public static EmulatorOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this instance's settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.port = port;
        builder.clientId = clientId;
        builder.clientSecret = clientSecret;
        builder.referenceMode = referenceMode;
        builder.stateFile = stateFile;
        builder.dumpFile = dumpFile;
        builder.rateLimit = rateLimit;
        builder.rateLimitWindow = rateLimitWindow;
        builder.tokenLifetime = tokenLifetime;
        builder.threads = threads;
        builder.maxOffset = maxOffset;
        return builder;
    }

    /** Builder of {@link EmulatorOptions}. */
    public static final class Builder {
        private int port;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private ReferenceMode referenceMode;
        private Path stateFile;
        private Path dumpFile;
        private int rateLimit = DEFAULT_RATE_LIMIT;
        private Duration rateLimitWindow = DEFAULT_RATE_LIMIT_WINDOW;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        private int maxOffset;

        private Builder() {}

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder referenceMode(ReferenceMode referenceMode) {
            this.referenceMode = referenceMode;
            return this;
        }

        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        public Builder dumpFile(Path dumpFile) {
            this.dumpFile = dumpFile;
            return this;
        }

        /** Requests per window and client id; 0 switches the limit off. */
        public Builder rateLimit(int requestsPerWindow) {
            this.rateLimit = requestsPerWindow;
            return this;
        }

        public Builder rateLimit(int requestsPerWindow, Duration window) {
            this.rateLimit = requestsPerWindow;
            this.rateLimitWindow = window;
            return this;
        }

        public Builder noRateLimit() {
            this.rateLimit = 0;
            return this;
        }

        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The offset ceiling of listings; 0 (the default) switches it off. */
        public Builder maxOffset(int maxOffset) {
            this.maxOffset = maxOffset;
            return this;
        }

        public EmulatorOptions build() {
            return new EmulatorOptions(
                    port,
                    clientId,
                    clientSecret,
                    referenceMode,
                    stateFile,
                    dumpFile,
                    rateLimit,
                    rateLimitWindow,
                    tokenLifetime,
                    threads,
                    maxOffset);
        }
    }
}
