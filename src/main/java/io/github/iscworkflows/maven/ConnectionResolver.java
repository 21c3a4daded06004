package io.github.iscworkflows.maven;

import io.github.iscworkflows.client.ConnectionParameters;
import io.github.iscworkflows.client.IscApi;
import io.github.iscworkflows.support.BuildLog;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Completes the user's connection parameters from settings.xml and the environment, checks them,
 * and opens a client.
 */
final class ConnectionResolver {

    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;
    private final BuildLog log;

    ConnectionResolver(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment, BuildLog log) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
        this.log = log;
    }

    /**
     * Resolves url and credentials (configuration, then the settings.xml server, then
     * {@code SAIL_BASE_URL}, {@code SAIL_CLIENT_ID}, {@code SAIL_CLIENT_SECRET}) and opens a client.
     *
     * @throws MojoFailureException when the configuration is incomplete or refused
     */
    IscApi open(ConnectionParameters given) throws MojoFailureException, MojoExecutionException {
        // TODO: implemented with the client (token, retries, settings.xml, proxies).
        throw new MojoExecutionException("The ISC client is not available in this build yet.");
    }
}
