package io.github.iscworkflows.client;

import java.util.List;

/**
 * An ISC error response or a transport failure, decoded into the parts a user needs.
 *
 * <p>{@link #status()} is 0 when no HTTP response arrived (connection refused, timeout).
 * The message holds the method, path, status, {@code detailCode}, every text of the body and the
 * {@code trackingId}; it never holds a secret.
 */
public class IscException extends Exception {

    private final int status;
    private final String detailCode;
    private final String trackingId;
    private final List<String> texts;

    public IscException(
            String message, int status, String detailCode, String trackingId, List<String> texts, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.detailCode = detailCode;
        this.trackingId = trackingId;
        this.texts = texts == null ? List.of() : List.copyOf(texts);
    }

    public IscException(String message, int status) {
        this(message, status, null, null, List.of(), null);
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public String detailCode() {
        return detailCode;
    }

    public String trackingId() {
        return trackingId;
    }

    /** The human-readable texts of the error body, in the order ISC sent them. */
    public List<String> texts() {
        return texts;
    }

    /** True for 4xx answers other than 408 and 429: the request or the configuration is at fault. */
    public boolean isClientError() {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
