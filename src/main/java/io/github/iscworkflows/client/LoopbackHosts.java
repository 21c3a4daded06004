package io.github.iscworkflows.client;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises loopback host names without a DNS lookup: {@code localhost}, 127.0.0.0/8 and {@code ::1}. */
public final class LoopbackHosts {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    private LoopbackHosts() {}

    /** Returns whether {@code host} (as in a URI, IPv6 possibly in brackets) is a loopback name or address. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
