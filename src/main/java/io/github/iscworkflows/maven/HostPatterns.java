package io.github.iscworkflows.maven;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names and glob patterns ({@code *} any characters, {@code ?} one character), compared case-insensitively. */
final class HostPatterns {

    private HostPatterns() {}

    /**
     * Returns the host in the form hosts are compared: lower case, without the one trailing dot that DNS
     * allows on a fully qualified name ({@code acme.api.identitynow.com.} is the same host as
     * {@code acme.api.identitynow.com}).
     */
    static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Returns whether {@code host} matches {@code glob}, both {@linkplain #normalise normalised}. */
    static boolean matches(String glob, String host) {
        StringBuilder regex = new StringBuilder();
        for (char c : normalise(glob).toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), normalise(host));
    }

    /** Returns the host of an entry that users may write as a host, a pattern or a whole URL (port and path dropped). */
    static String hostOf(String entry) {
        String host = entry.trim();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]") && host.indexOf(':') == colon) {
            host = host.substring(0, colon);
        }
        return host;
    }
}
