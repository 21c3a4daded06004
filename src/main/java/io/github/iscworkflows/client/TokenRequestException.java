package io.github.iscworkflows.client;

/**
 * A failure to fetch the access token. Callers tell it apart from a failure of the API call itself, because
 * a 404 or 400 from the token endpoint is no evidence about the workflow or the filter that was requested.
 */
final class TokenRequestException extends IscException {

    TokenRequestException(String message, IscException cause) {
        super(message, cause.status(), cause.detailCode(), cause.trackingId(), cause.texts(), null);
    }

    TokenRequestException(String message, int status) {
        super(message, status);
    }
}
