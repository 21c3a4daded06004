package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.ConnectionParameters;
import io.github.iscworkflows.client.LoopbackHosts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Checks the tenant URL before any request: {@code https} unless the host is a loopback address,
 * not a read-only tenant for a writing goal, and the expected tenant when one is named.
 */
final class TenantGuard {

    private TenantGuard() {}

    /** Parses and normalises the tenant URL; rejects anything but an absolute http(s) URL. */
    static URI parseUrl(String value) throws MojoFailureException {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI url;
        try {
            url = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new MojoFailureException("The ISC tenant URL '" + value + "' is invalid (" + e.getReason()
                    + "). Set <url> or -Disc.url to the API base, such as https://acme.api.identitynow.com.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new MojoFailureException("The ISC tenant URL '" + value + "' is not an absolute https URL. Set"
                    + " <url> or -Disc.url to the API base, such as https://acme.api.identitynow.com.");
        }
        if (scheme.equals("http") && !LoopbackHosts.isLoopback(url.getHost())) {
            throw new MojoFailureException("The ISC tenant URL '" + value + "' uses http, which would send the client"
                    + " secret unencrypted. Use https (plain http is accepted only for loopback hosts such as the"
                    + " emulator on 127.0.0.1).");
        }
        String path = url.getPath() == null ? "" : url.getPath();
        if (path.matches("(?i).*/(v\\d+|beta)")) {
            throw new MojoFailureException("The ISC tenant URL '" + value + "' ends with an API version. Set <url>"
                    + " (-Disc.url) to the tenant API base without it, such as https://acme.api.identitynow.com, and"
                    + " the version with <apiVersion> (-Disc.apiVersion).");
        }
        return url;
    }

    /** Refuses a read-only tenant for a writing goal and a tenant other than {@code expectTenant}. */
    static void check(URI url, ConnectionParameters given) throws MojoFailureException {
        String host = HostPatterns.normalise(url.getHost());
        if (given.writes()) {
            for (String entry : given.readOnlyTenants()) {
                if (entry != null && !entry.isBlank() && HostPatterns.matches(HostPatterns.hostOf(entry), host)) {
                    throw new MojoFailureException("The tenant " + host + " matches '" + entry.trim() + "' in"
                            + " <readOnlyTenants> (-Disc.readOnlyTenants), so this goal does not write to it. Point"
                            + " <url> (-Disc.url) at another tenant, remove the entry, or preview the changes with"
                            + " -Disc.dryRun=true.");
                }
            }
        }
        String expected = given.expectTenant();
        if (expected != null && !expected.isBlank() && !isExpectedTenant(expected, host)) {
            throw new MojoFailureException("The tenant URL " + url + " does not point at the expected tenant '"
                    + expected.trim() + "' (<expectTenant>, -Disc.expectTenant). Check <url> (-Disc.url) and the"
                    + " active profile.");
        }
    }

    /** Returns whether {@code host} is the tenant named by its whole host or its first label (case-insensitive). */
    static boolean isExpectedTenant(String expected, String host) {
        String want = HostPatterns.normalise(HostPatterns.hostOf(expected));
        host = HostPatterns.normalise(host);
        if (want.equals(host)) {
            return true;
        }
        int dot = host.indexOf('.');
        return !want.contains(".") && dot > 0 && host.substring(0, dot).equals(want);
    }
}
