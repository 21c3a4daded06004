package io.github.iscworkflows.client;

import java.time.Duration;
import java.util.List;

/**
 * Connection settings as the user gave them (plugin configuration or {@code -D} properties), before
 * settings.xml and environment fallbacks are applied. Null means "not set".
 *
 * @param url tenant API base such as {@code https://acme.api.identitynow.com}
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret; never logged
 * @param serverId id of a settings.xml {@code <server>} holding client id and secret
 * @param apiVersion API version path segment, for example {@code v2025}
 * @param connectTimeout TCP connect timeout
 * @param responseTimeout time to wait for a response after the request was sent
 * @param maxRetries retries after 429, 5xx and connection errors, per request
 * @param readOnlyTenants host names or glob patterns that write goals must refuse
 * @param expectTenant tenant host (or its first label) the url must point at, or null
 * @param offline Maven offline mode ({@code -o})
 * @param writes whether the goal writes to the tenant
 */
public record ConnectionParameters(
        String url,
        String clientId,
        String clientSecret,
        String serverId,
        String apiVersion,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxRetries,
        List<String> readOnlyTenants,
        String expectTenant,
        boolean offline,
        boolean writes) {

    public ConnectionParameters {
        readOnlyTenants = readOnlyTenants == null ? List.of() : List.copyOf(readOnlyTenants);
    }

    /** Shows every field but the client secret, so that the record can be logged safely. */
    @Override
    public String toString() {
        return "ConnectionParameters[url=" + url + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "null" : "****") + ", serverId=" + serverId + ", apiVersion=" + apiVersion
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", maxRetries="
                + maxRetries + ", readOnlyTenants=" + readOnlyTenants + ", expectTenant=" + expectTenant
                + ", offline=" + offline + ", writes=" + writes + "]";
    }

    /** Parameters for a loopback emulator with the emulator's default credentials, for tests. */
    public static ConnectionParameters forEmulator(String url) {
        return new ConnectionParameters(
                url,
                "emulator",
                "emulator",
                null,
                "v2025",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                3,
                List.of(),
                null,
                false,
                true);
    }
}
