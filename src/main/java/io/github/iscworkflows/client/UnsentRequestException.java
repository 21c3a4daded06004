package io.github.iscworkflows.client;

import java.util.List;

/** A request that failed before any byte of it reached the server (no connection), so its outcome is known. */
final class UnsentRequestException extends IscException {

    UnsentRequestException(String message) {
        super(message, 0, null, null, List.of(), null);
    }
}
