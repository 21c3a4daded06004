package io.github.iscworkflows.maven;

import java.net.URI;

/**
 * Tenant URL and credentials after the configuration, settings.xml and environment were consulted.
 *
 * @param url tenant API base without a trailing slash
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret; never logged
 */
record ResolvedConnection(URI url, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "ResolvedConnection[url=" + url + ", clientId=" + clientId + "]";
    }
}
