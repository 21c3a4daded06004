package io.github.iscworkflows.client;

/**
 * An HTTP proxy the client sends every request through.
 *
 * @param host proxy host name or address
 * @param port proxy port
 * @param username proxy user, or null when the proxy needs no authentication
 * @param password proxy password, or null; never logged
 */
public record ProxyConfig(String host, int port, String username, String password) {

    @Override
    public String toString() {
        return host + ":" + port + (username == null ? "" : " (as " + username + ")");
    }
}
