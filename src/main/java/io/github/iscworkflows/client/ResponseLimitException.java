package io.github.iscworkflows.client;

import java.io.IOException;
import java.io.InterruptedIOException;

/** The ways a response can exceed the client's limits: too slow as a whole, or too large. */
final class ResponseLimitException {

    private ResponseLimitException() {}

    /** The request did not complete before its overall deadline and was cancelled. */
    static final class DeadlineExceeded extends InterruptedIOException {
        DeadlineExceeded() {
            super("the response did not complete before the deadline");
        }
    }

    /** The response body is larger than the client accepts; reading it was stopped. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the response body is larger than " + limit + " bytes");
        }
    }
}
