package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.ProxyConfig;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the settings.xml proxy for the tenant the way Maven picks one for a repository: the first active
 * proxy whose {@code <protocol>} equals the URL scheme and whose {@code <nonProxyHosts>} do not match the
 * host; for an {@code https} URL without such a proxy, the first matching {@code http} proxy.
 */
final class SettingsProxySelector {

    private SettingsProxySelector() {}

    /** Returns the proxy to use for {@code scheme://host}, with its password decrypted, or null for none. */
    static ProxyConfig select(Settings settings, SettingsDecrypter decrypter, String scheme, String host)
            throws MojoFailureException {
        if (settings == null || settings.getProxies() == null) {
            return null;
        }
        Proxy chosen = firstMatching(settings, scheme, host);
        if (chosen == null && "https".equalsIgnoreCase(scheme)) {
            chosen = firstMatching(settings, "http", host);
        }
        if (chosen == null) {
            return null;
        }
        String password = chosen.getPassword();
        if (decrypter != null && password != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(chosen));
            if (!result.getProblems().isEmpty()) {
                throw new MojoFailureException("Cannot decrypt the password of proxy '" + chosen.getId()
                        + "' in settings.xml: " + result.getProblems().get(0).getMessage()
                        + ". Check ~/.m2/settings-security.xml or encrypt the password again with"
                        + " mvn --encrypt-password.");
            }
            password = result.getProxy().getPassword();
        }
        String username = chosen.getUsername() == null || chosen.getUsername().isBlank() ? null : chosen.getUsername();
        return new ProxyConfig(chosen.getHost(), chosen.getPort(), username, password);
    }

    private static Proxy firstMatching(Settings settings, String scheme, String host) {
        for (Proxy proxy : settings.getProxies()) {
            String protocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol();
            if (proxy.isActive()
                    && protocol.toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT))
                    && !isNonProxyHost(proxy.getNonProxyHosts(), host)) {
                return proxy;
            }
        }
        return null;
    }

    /** Returns whether {@code host} matches one of the {@code |}- or {@code ,}-separated patterns. */
    static boolean isNonProxyHost(String nonProxyHosts, String host) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return false;
        }
        for (String pattern : nonProxyHosts.split("[|,]")) {
            if (!pattern.isBlank() && HostPatterns.matches(pattern, host)) {
                return true;
            }
        }
        return false;
    }
}
