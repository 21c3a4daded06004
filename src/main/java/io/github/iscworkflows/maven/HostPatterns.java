package io.github.iscworkflows.maven;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names and glob patterns ({@code *} any characters, {@code ?} one character), compared case-insensitively. */
final class HostPatterns {

    private HostPatterns() {}

    /** Returns whether {@code host} matches {@code glob}. */
    static boolean matches(String glob, String host) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(regex.toString(), host.toLowerCase(Locale.ROOT));
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
