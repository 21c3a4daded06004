package io.github.iscworkflows.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;

/** The hints and messages for failed requests: what failed, the setting involved and what to do. */
final class FailureMessages {

    private final IscClientConfig config;
    private final SecretMasker masker;

    FailureMessages(IscClientConfig config, SecretMasker masker) {
        this.config = config;
        this.masker = masker;
    }

    /** Returns the sentence appended to an error response with {@code status}, or null when none helps. */
    String hint(IscRequest request, int status, int retries) {
        String attempts = retries == 0 ? "" : "Gave up after " + (retries + 1) + " attempts. ";
        if (status == 401) {
            return request.authenticated()
                    ? "ISC refused a freshly fetched token as well; check that the API client is still active and "
                            + "allowed for this API."
                    : null;
        }
        if (status == 403) {
            String versionPrefix = "/" + config.apiVersion;
            String apiPath = request.path().startsWith(versionPrefix)
                    ? request.path().substring(versionPrefix.length())
                    : request.path();
            String scopes = ScopeHints.requiredScopes(request.method(), apiPath);
            return scopes == null
                    ? null
                    : "This call needs the scope " + scopes
                            + "; give the API client that scope in ISC (or use a client that has it).";
        }
        if (status == 429) {
            return attempts + "Another build may be using the same client id; raise <maxRetries> (-Disc.maxRetries) "
                    + "or run fewer builds against this tenant at once.";
        }
        if (status >= 500 && !attempts.isEmpty()) {
            return attempts + "Rerun the build later (a rerun changes only what still differs) or raise"
                    + " <maxRetries> (-Disc.maxRetries).";
        }
        return attempts.isEmpty() ? null : attempts.trim();
    }

    /** Returns the sentence for a {@code Retry-After} of {@code value} that exceeds the time a request may wait. */
    String retryAfterTooLong(String value, int retries) {
        String attempts = retries == 0 ? "" : "Gave up after " + (retries + 1) + " attempts. ";
        return attempts + "The server asked to wait (Retry-After: " + value + ") longer than the "
                + readable(config.maxRetryTime) + " one request may spend waiting for retries, so the client did not"
                + " wait. Run the build again later; if the tenant keeps answering this way, contact its"
                + " administrators.";
    }

    /** Returns the failure for a 3xx response: the client follows no redirect, because the url should name the API host. */
    IscException redirected(IscRequest request, HttpResult result) {
        String location = result.header("Location");
        String where = location == null || location.isBlank() ? " without a Location header" : " to " + location.trim();
        String message = request.method() + " " + request.path() + " returned "
                + ErrorDecoder.statusLine(result.status()) + ": the tenant " + config.baseUrl.getHost()
                + " redirected the request" + where + ". The plugin follows no redirects. Check that <url>"
                + " (-Disc.url or SAIL_BASE_URL) is the tenant's API host, such as https://TENANT.api.identitynow.com"
                + " (not the UI host TENANT.identitynow.com), and that no proxy or gateway redirects API calls.";
        return new IscException(masker.mask(message), result.status(), null, null, List.of(), null);
    }

    IscException transportFailure(IscRequest request, IOException e, int attempts) {
        String where = request.method() + " " + request.path();
        String after = attempts > 1 ? " after " + attempts + " attempts" : "";
        String message;
        if (e instanceof UnknownHostException) {
            message = where + " failed: unknown host " + config.baseUrl.getHost()
                    + ". Check the tenant URL (<url>, -Disc.url or SAIL_BASE_URL) and the DNS or proxy settings.";
        } else if (e instanceof SSLException) {
            message =
                    where + " failed: the TLS connection to " + config.baseUrl.getHost() + " failed (" + e.getMessage()
                            + "). If a proxy or the tenant presents a certificate from a private CA, add that CA to a trust"
                            + " store and pass -Djavax.net.ssl.trustStore=PATH in MAVEN_OPTS.";
        } else if (IscTransport.isConnectFailure(e)) {
            message = where + " failed: cannot connect to " + config.baseUrl.getHost() + " (" + describe(e) + ")"
                    + after + ". Check the tenant URL, the network and the proxy in settings.xml; the connect timeout"
                    + " is " + readable(config.connectTimeout) + " (<connectTimeout>, -Disc.connectTimeout).";
        } else if (e instanceof ResponseLimitException.DeadlineExceeded) {
            message = where + " timed out: the response did not complete within " + readable(config.requestDeadline)
                    + " (the connect timeout plus <timeout>)" + after + ". Raise <timeout> (-Disc.timeout) if the"
                    + " tenant is slow; an answer that trickles in this slowly often means a proxy or gateway"
                    + " throttles the connection.";
        } else if (e instanceof ResponseLimitException.TooLarge) {
            message = where + " failed: the response body is larger than " + size(config.maxResponseBytes)
                    + ", more than any ISC answer, so reading it was stopped. Check that <url> (-Disc.url) points at"
                    + " the tenant's API and that no proxy or gateway replaces its answers.";
        } else if (e instanceof InterruptedIOException) {
            message = where + " timed out: no response within " + readable(config.responseTimeout) + after
                    + ". Raise <timeout> (-Disc.timeout) if the tenant is slow.";
        } else {
            message = where + " failed: the connection broke (" + describe(e) + ")" + after + ".";
        }
        if (IscTransport.isConnectFailure(e)) {
            return new UnsentRequestException(masker.mask(message));
        }
        return new IscException(masker.mask(message), 0, null, null, List.of(), null);
    }

    /** Formats a timeout as users set it: whole seconds, or milliseconds below one second. */
    private static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    static String describe(IOException e) {
        String text = e.getMessage();
        String type = e.getClass().getSimpleName();
        return text == null || text.isBlank() ? type : type + ": " + text;
    }
}
